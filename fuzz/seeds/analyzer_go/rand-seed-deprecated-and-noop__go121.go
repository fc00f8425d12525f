// gocompat: from=1.21 to=1.22
// Before go1.24 Seed still works; it is deprecated since go1.20.
package main

import r "math/rand"

func main() {
	r.Seed(1) // want: rand-seed-deprecated-and-noop
	println(r.Intn(3))
}
