~‚// gocompat: from=1.21 to=1.22
package main

func seq(yield func(int) bool) {}

func main() {
	for x := range seq { // want: range-over-func-requires-go123
		_ = x
	}
}
