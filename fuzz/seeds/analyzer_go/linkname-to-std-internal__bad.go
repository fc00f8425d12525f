// gocompat: from=1.22 to=1.23
package main

import (
	_ "unsafe"
)

// want-below: linkname-to-std-internal
//go:linkname gcount runtime.gcount
func gcount() int32

//go:linkname nanotime runtime.nanotime
func nanotime() int64

func main() {
	println(gcount(), nanotime())
}
