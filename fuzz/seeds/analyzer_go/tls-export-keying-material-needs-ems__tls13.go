// gocompat: from=1.21 to=1.22
package main

import "crypto/tls"

var serverConfig = &tls.Config{MinVersion: tls.VersionTLS13}

// Connections are TLS 1.3 only: exporting keying material always works.
func channelBinding(conn *tls.Conn) ([]byte, error) {
	return conn.ConnectionState().ExportKeyingMaterial("EXPORTER-Channel-Binding", nil, 32)
}
