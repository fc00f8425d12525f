// gocompat: from=1.23 to=1.24
package main

import (
	"fmt"
	"os"
)

const banner = "== report ==\n"

func show(msg string) {
	fmt.Printf(banner)
	fmt.Printf("%s\n", msg)
	fmt.Printf(msg, 1)
	fmt.Print(msg)
	fmt.Fprintf(os.Stdout, "done\n")
	fmt.Printf(os.Args[0] + "x", 2)
}

func main() { show("x") }
