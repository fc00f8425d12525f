// gocompat: from=1.21 to=1.22
package main

import _ "unsafe"

// Go 1.22 toolchains still link this.
//go:linkname gcount runtime.gcount
func gcount() int32

func main() { println(gcount()) }
