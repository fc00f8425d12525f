// gocompat: from=1.21 to=1.22
package main

import (
	"crypto/tls"
	"net/http"
)

// A client for an old appliance that only speaks TLS 1.0.
func applianceClient() *http.Client {
	cfg := &tls.Config{
		MinVersion: tls.VersionTLS10, // want: tls-rsa-kex-suites-not-default
		ServerName: "ups.local",
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

func legacyServer(cert tls.Certificate) *tls.Config {
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: 0x0301} // want: tls-rsa-kex-suites-not-default
}
