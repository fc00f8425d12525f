// gocompat: from=1.21 to=1.22
package token

import "math/rand"

func New() []byte {
	b := make([]byte, 32)
	rand.Read(b) // want: rand-read-deprecated
	return b
}

func Pick(xs []string) string {
	return xs[rand.Intn(len(xs))]
}
