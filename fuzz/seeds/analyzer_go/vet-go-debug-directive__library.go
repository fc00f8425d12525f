// gocompat: from=1.21 to=1.22
// want-below: vet-go-debug-directive
//go:debug panicnil=1

// Package store cannot choose GODEBUG settings for its importers.
package store

func Get() {}
