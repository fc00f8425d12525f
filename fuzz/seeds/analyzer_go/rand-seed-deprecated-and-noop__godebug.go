// gocompat: from=1.24 to=1.24 gomod="module m\n\ngo 1.24\n\ngodebug randseednop=0\n"
// randseednop=0 in go.mod keeps Seed working: the call is only deprecated.
package main

import "math/rand"

func main() {
	rand.Seed(7) // want: rand-seed-deprecated-and-noop
	println(rand.Intn(3))
}
