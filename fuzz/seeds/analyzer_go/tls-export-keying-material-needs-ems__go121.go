// gocompat: from=1.20 to=1.21
package main

import "crypto/tls"

// Before the Go 1.22 change on both sides.
func channelBinding(conn *tls.Conn) ([]byte, error) {
	return conn.ConnectionState().ExportKeyingMaterial("EXPORTER-Channel-Binding", nil, 32)
}
