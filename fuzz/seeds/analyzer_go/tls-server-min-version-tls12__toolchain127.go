// gocompat: from=1.21 to=1.21 toolchain=1.27
package main

import "crypto/tls"

// Go 1.27 removed tls10server: the TLS 1.2 minimum applies even for a go 1.21 module.
func listen(cert tls.Certificate) error {
	ln, err := tls.Listen("tcp", ":8443", &tls.Config{Certificates: []tls.Certificate{cert}}) // want: tls-server-min-version-tls12
	if err != nil {
		return err
	}
	return ln.Close()
}
