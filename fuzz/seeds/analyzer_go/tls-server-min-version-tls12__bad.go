// gocompat: from=1.21 to=1.22
package main

import (
	"crypto/tls"
	"log"
	"net"
	"net/http"
	stdtls "crypto/tls"
)

func listen(cert tls.Certificate) (net.Listener, error) {
	return tls.Listen("tcp", ":8443", &tls.Config{Certificates: []tls.Certificate{cert}}) // want: tls-server-min-version-tls12
}

func wrap(inner net.Listener, cert tls.Certificate) net.Listener {
	cfg := &tls.Config{ // want: tls-server-min-version-tls12
		Certificates: []tls.Certificate{cert},
		NextProtos:   []string{"h2", "http/1.1"},
	}
	return tls.NewListener(inner, cfg)
}

func newServer(h http.Handler, cert tls.Certificate) *http.Server {
	return &http.Server{
		Addr:      ":443",
		Handler:   h,
		TLSConfig: &stdtls.Config{Certificates: []stdtls.Certificate{cert}}, // want: tls-server-min-version-tls12
	}
}

func assigned(srv *http.Server, cert tls.Certificate) {
	conf := tls.Config{Certificates: []tls.Certificate{cert}} // want: tls-server-min-version-tls12
	srv.TLSConfig = &conf
}

func mutualTLS() *tls.Config {
	return &tls.Config{ClientAuth: tls.RequireAndVerifyClientCert} // want: tls-server-min-version-tls12
}

func main() {
	log.Fatal(http.ListenAndServeTLS(":443", "cert.pem", "key.pem", nil)) // want: tls-server-min-version-tls12
}
