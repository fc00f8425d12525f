// gocompat: from=1.23 to=1.24
//go:debug rsa1024min=0

package keys

import (
	"crypto/rand"
	"crypto/rsa"
	"testing"
)

// Small keys keep tests fast; rsa1024min=0 in the _test.go file allows them.
func TestSign(t *testing.T) {
	if _, err := rsa.GenerateKey(rand.Reader, 512); err != nil {
		t.Fatal(err)
	}
}
