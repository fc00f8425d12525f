// gocompat: from=1.21 to=1.22
package token

import (
	"crypto/rand"
	"io"
)

func New() ([]byte, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	_, err := io.ReadFull(rand.Reader, b)
	return b, err
}
