// gocompat: from=1.23 to=1.23
package main

func seq(yield func(int) bool) {}

func main() {
	for x := range seq {
		_ = x
	}
}
