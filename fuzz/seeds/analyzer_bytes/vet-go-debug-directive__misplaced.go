=C// gocompat: from=1.21 to=1.22
//go:debug httpmuxgo121=1

package main

// want-below: vet-go-debug-directive
//go:debug panicnil=1

import "fmt"

func main() {
	// want-below: vet-go-debug-directive
	//go:debug randautoseed=0
	fmt.Println("hi")
}
