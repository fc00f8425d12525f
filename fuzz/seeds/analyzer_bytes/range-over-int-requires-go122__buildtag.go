È8//go:build go1.22

// gocompat: from=1.21 to=1.22
// The build line raises this file to go1.22 even though the module says go1.21.
package main

func main() {
	for i := range 10 {
		println(i)
	}
}
