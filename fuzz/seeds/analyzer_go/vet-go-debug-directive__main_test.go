// gocompat: from=1.21 to=1.22
//go:debug panicnil=1

package store

import "testing"

// _test.go files may carry //go:debug lines for their test binary.
func TestX(t *testing.T) {}
