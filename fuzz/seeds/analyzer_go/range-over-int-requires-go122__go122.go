// gocompat: from=1.22 to=1.23
package main

func main() {
	// From go1.22 on, ranging over an integer is valid.
	for i := range 10 {
		println(i)
	}
}
