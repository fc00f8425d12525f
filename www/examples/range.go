package main

import "fmt"

func main() {
	// Range over an integer is Go 1.22 syntax: a go1.21 module does not compile.
	for i := range 10 {
		fmt.Println(i)
	}
}
