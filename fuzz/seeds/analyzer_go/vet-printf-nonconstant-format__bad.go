// gocompat: from=1.23 to=1.24
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
)

type report struct{ title string }

func show(msg string, r report, parts []string) error {
	fmt.Printf(msg)                          // want: vet-printf-nonconstant-format
	fmt.Fprintf(os.Stderr, r.title)          // want: vet-printf-nonconstant-format
	log.Printf(strings.Join(parts, " "))     // want: vet-printf-nonconstant-format
	line := "progress: " + msg
	fmt.Printf(line)                         // want: vet-printf-nonconstant-format
	if msg == "" {
		return errors.New("empty")
	}
	return fmt.Errorf(msg) // want: vet-printf-nonconstant-format
}

func main() {
	_ = show("100%", report{"t"}, nil)
}
