// gocompat: from=1.21 to=1.22
package main

import (
	"crypto/tls"
	"net/http"
)

func channelBinding(conn *tls.Conn) ([]byte, error) {
	return conn.ConnectionState().ExportKeyingMaterial("EXPORTER-Channel-Binding", nil, 32) // want: tls-export-keying-material-needs-ems
}

func handler(w http.ResponseWriter, r *http.Request) {
	if r.TLS == nil {
		return
	}
	key, err := r.TLS.ExportKeyingMaterial("EXPORTER-my-app", []byte("ctx"), 16) // want: tls-export-keying-material-needs-ems
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(key)
}
