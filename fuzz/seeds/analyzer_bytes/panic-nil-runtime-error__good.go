 `// gocompat: from=1.20 to=1.21
package main

import (
	"errors"
	"fmt"
)

var errStop = errors.New("stop walking")

func walk(items []string, visit func(string) bool) (err error) {
	defer func() {
		if r := recover(); r != nil && r != errStop {
			err = fmt.Errorf("walk failed: %v", r)
		}
	}()
	for _, it := range items {
		if !visit(it) {
			panic(errStop)
		}
	}
	return nil
}

func main() {
	var p *int
	fmt.Println(walk(nil, func(string) bool { return p == nil }))
}
