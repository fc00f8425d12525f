// gocompat: from=1.20 to=1.21
package main

import "crypto/tls"

// Neither side has the Go 1.22 default.
func listen(cert tls.Certificate) error {
	ln, err := tls.Listen("tcp", ":8443", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		return err
	}
	return ln.Close()
}
