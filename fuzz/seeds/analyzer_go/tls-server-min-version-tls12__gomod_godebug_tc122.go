// gocompat: from=1.21 to=1.22 toolchain=1.22 gomod="module example.com/srv\n\ngo 1.21\n\ngodebug tls10server=1\n"
package main

import "crypto/tls"

// A Go 1.22 toolchain does not read go.mod godebug lines: the go 1.22 side gets the new default.
func listen(cert tls.Certificate) error {
	ln, err := tls.Listen("tcp", ":8443", &tls.Config{Certificates: []tls.Certificate{cert}}) // want: tls-server-min-version-tls12
	if err != nil {
		return err
	}
	return ln.Close()
}
