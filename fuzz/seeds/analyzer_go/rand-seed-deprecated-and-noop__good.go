// gocompat: from=1.23 to=1.24
package main

import (
	crand "crypto/rand"
	"math/rand"
)

type seeder struct{}

func (seeder) Seed(int64) {}

func main() {
	r := rand.New(rand.NewSource(42))
	r.Seed(43) // the method of a local generator is not the deprecated top-level Seed
	var s seeder
	s.Seed(1)
	b := make([]byte, 4)
	_, _ = crand.Read(b)
	println(r.Intn(10))
}
