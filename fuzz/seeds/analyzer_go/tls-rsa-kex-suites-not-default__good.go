// gocompat: from=1.21 to=1.22
package main

import "crypto/tls"

// Explicit suites are still honoured.
func applianceConfig() *tls.Config {
	return &tls.Config{
		MinVersion:   tls.VersionTLS10,
		ServerName:   "ups.local",
		CipherSuites: []uint16{tls.TLS_RSA_WITH_AES_128_CBC_SHA},
	}
}

// Modern peers: nothing to do.
func modern() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, ServerName: "api.example.com"}
}
