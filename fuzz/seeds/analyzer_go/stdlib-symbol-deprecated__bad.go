// gocompat: from=1.21 to=1.22
package legacy

import (
	"crypto/tls"
	"io"
	"io/ioutil"
	"os"
	"reflect"
	"strings"
	"unsafe"
)

func load(name string, r io.Reader) ([]byte, []byte, error) {
	a, err := ioutil.ReadFile(name) // want: stdlib-symbol-deprecated
	if err != nil {
		return nil, nil, err
	}
	b, err := ioutil.ReadAll(r) // want: stdlib-symbol-deprecated
	return a, b, err
}

func heading(s string) string {
	return strings.Title(s) // want: stdlib-symbol-deprecated
}

func rewind(f *os.File) error {
	_, err := f.Seek(0, os.SEEK_SET) // want: stdlib-symbol-deprecated
	return err
}

func header(b []byte) *reflect.SliceHeader { // want: stdlib-symbol-deprecated
	return (*reflect.SliceHeader)(unsafe.Pointer(&b)) // want: stdlib-symbol-deprecated
}

func configure(cfg *tls.Config) {
	cfg.BuildNameToCertificate() // want: stdlib-symbol-deprecated
}
