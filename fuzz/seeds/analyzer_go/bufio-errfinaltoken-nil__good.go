// gocompat: from=1.21 to=1.22
package main

import (
	"bufio"
	"bytes"
)

func fields(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, ';'); i >= 0 {
		return i + 1, []byte{}, bufio.ErrFinalToken
	}
	if atEOF {
		return len(data), data, bufio.ErrFinalToken
	}
	return 0, nil, nil
}

var _ bufio.SplitFunc = fields
