// gocompat: from=1.23 to=1.24
package main

import (
	"fmt"
	"math/rand"
	"time"
)

func main() {
	rand.Seed(time.Now().UnixNano()) // want: rand-seed-deprecated-and-noop
	fmt.Println(rand.Intn(10), time.Now())
}

func reproducible() []int {
	rand.Seed(42) // want: rand-seed-deprecated-and-noop
	return rand.Perm(5)
}
