// gocompat: from=1.21 to=1.21 toolchain=1.22
package main

import "net/http"

// With the Go 1.21 mux on both sides the braces are literal text: no panic.
func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/files/a{b}", func(w http.ResponseWriter, r *http.Request) {})
	http.ListenAndServe(":8080", mux)
}
