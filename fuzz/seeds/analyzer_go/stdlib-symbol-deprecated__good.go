// gocompat: from=1.21 to=1.22
package modern

import (
	"io"
	"os"
	"runtime"
	"unsafe"
)

func load(name string, r io.Reader) ([]byte, []byte, error) {
	a, err := os.ReadFile(name)
	if err != nil {
		return nil, nil, err
	}
	b, err := io.ReadAll(r)
	return a, b, err
}

func rewind(f *os.File) error {
	_, err := f.Seek(0, io.SeekStart)
	return err
}

func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// runtime.GOROOT is deprecated only from go1.24: not yet at this file's version.
func root() string { return runtime.GOROOT() }
