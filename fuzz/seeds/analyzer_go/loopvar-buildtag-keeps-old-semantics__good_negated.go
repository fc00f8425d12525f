//go:build !go1.23

// gocompat: from=1.22 to=1.22
// A negated version term implies no minimum version: the module's go line applies.
package main

func main() {
	for i := 0; i < 3; i++ { // want: range-over-int-modernize
		println(i)
	}
}
