// gocompat: gomod="module example.com/x"
// A go.mod without a go line means go 1.16.
package main

func main() {
	for i := range 3 { // want: range-over-int-requires-go122
		println(i)
	}
}
