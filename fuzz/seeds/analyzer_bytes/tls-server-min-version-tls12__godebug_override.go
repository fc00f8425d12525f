„|// gocompat: from=1.21 to=1.22 toolchain=1.23
//go:debug tls10server=1

package main

import "crypto/tls"

// tls10server=1 keeps the old default up to Go 1.26.
func listen(cert tls.Certificate) error {
	ln, err := tls.Listen("tcp", ":8443", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		return err
	}
	return ln.Close()
}
