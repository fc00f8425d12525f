šf//go:build go1.22

// gocompat: gomod="module example.com/m\n\ngo 1.21" to=1.22
// The build line raises the file: loops get per-iteration variables.
package main

func main() {
	for i := 0; i < 3; i++ { // want: range-over-int-modernize
		println(i)
	}
}
