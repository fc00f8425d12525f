// gocompat: from=1.20 to=1.21
package main

import "fmt"

// walk stops early by panicking with nil and recovering: before Go 1.21 recover()
// returned nil, so stop() looked like a normal return.
func walk(items []string, visit func(string) bool) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("walk failed: %v", r)
		}
	}()
	for _, it := range items {
		if !visit(it) {
			panic(nil) // want: panic-nil-runtime-error
		}
	}
	return nil
}

func main() {
	err := walk([]string{"a", "stop", "b"}, func(s string) bool { return s != "stop" })
	fmt.Println(err)
}
