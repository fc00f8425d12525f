// gocompat: from=1.20 to=1.21
//go:debug panicnil=1

package main

// panicnil=1 keeps the old behaviour on both sides.
func main() {
	defer func() { _ = recover() }()
	panic(nil)
}
