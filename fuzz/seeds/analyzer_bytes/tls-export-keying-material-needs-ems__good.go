:Æ// gocompat: from=1.22 to=1.22 toolchain=1.23
//go:debug tlsunsafeekm=1

package main

import "crypto/tls"

// The main package keeps the old behaviour with tlsunsafeekm=1 (Go 1.22â€“1.26).
func channelBinding(conn *tls.Conn) ([]byte, error) {
	return conn.ConnectionState().ExportKeyingMaterial("EXPORTER-Channel-Binding", nil, 32)
}
