// gocompat: from=1.22 to=1.23 gomod="module example.com/srv\n\ngo 1.22\n\ngodebug tls10server=1\n"
package main

import "crypto/tls"

// go.mod's godebug block (honoured from Go 1.23) keeps TLS 1.0 on both sides.
func listen(cert tls.Certificate) error {
	ln, err := tls.Listen("tcp", ":8443", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		return err
	}
	return ln.Close()
}
