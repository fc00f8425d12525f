è// gocompat: from=1.21 to=1.22
//go:build linux

//go:debug panicnil=1
//go:debug httpmuxgo121=1

// Command server serves.
package main

// A comment that mentions //go:debug in prose is not a directive.
func main() {}
