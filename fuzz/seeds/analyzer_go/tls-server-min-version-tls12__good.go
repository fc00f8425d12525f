// gocompat: from=1.21 to=1.22
package main

import (
	"crypto/tls"
	"net"
	"net/http"
)

// Explicit minimum: honoured on every version.
func listen(cert tls.Certificate) (net.Listener, error) {
	return tls.Listen("tcp", ":8443", &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}})
}

// Clients already defaulted to TLS 1.2.
func dial(addr string) (*tls.Conn, error) {
	cfg := &tls.Config{ServerName: "example.com"}
	return tls.Dial("tcp", addr, cfg)
}

func client() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: false}}}
}

func legacy(h http.Handler, cert tls.Certificate) *http.Server {
	return &http.Server{Handler: h, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS10, Certificates: []tls.Certificate{cert}}} // want: tls-rsa-kex-suites-not-default
}
