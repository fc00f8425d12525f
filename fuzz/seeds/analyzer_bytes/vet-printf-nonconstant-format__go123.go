bž// gocompat: from=1.22 to=1.23
package main

import "fmt"

// vet reports this only in go1.24+ files.
func show(msg string) {
	fmt.Printf(msg)
}

func main() { show("x") }
