// gocompat: from=1.21 to=1.22 toolchain=1.27
// want-below: vet-go-debug-directive
//go:debug tls10server=1
//go:debug asynctimerchan=0
//go:debug panicnil=1
// want-below: vet-go-debug-directive
//go:debug x509sha1=1

package main

func main() {}
