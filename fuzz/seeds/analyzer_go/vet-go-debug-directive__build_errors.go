// gocompat: from=1.22 to=1.23
// vet-agreement: from go1.23 (the go1.21/1.22 go commands crash on the repeated key)
//go:debug panicnil=1
// want-below: vet-go-debug-directive
//go:debug panicnil=0
// want-below: vet-go-debug-directive
//go:debug nosuchsetting=1
// want-below: vet-go-debug-directive
//go:debug httpmuxgo121
// want-below: vet-go-debug-directive
//go:debug rsa1024min=0

package main

func main() {}
