// gocompat: from=1.21 to=1.22
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// Splits on commas and stops at a semicolon.
func fields(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if i := bytes.IndexAny(data, ",;"); i >= 0 {
		if data[i] == ';' {
			return i + 1, nil, bufio.ErrFinalToken // want: bufio-errfinaltoken-nil
		}
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, bufio.ErrFinalToken
	}
	return 0, nil, nil
}

func main() {
	sc := bufio.NewScanner(strings.NewReader("a,b,;c"))
	sc.Split(fields)
	n := 0
	for sc.Scan() {
		n++
	}
	fmt.Println(n)
}
