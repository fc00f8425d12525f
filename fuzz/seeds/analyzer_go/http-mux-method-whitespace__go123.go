// gocompat: from=1.22 to=1.23 toolchain=1.23
package main

import "net/http"

// Go 1.23+ toolchains accept several spaces or tabs after the method.
func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET  /status", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("GET /other", func(w http.ResponseWriter, r *http.Request) {})
	http.ListenAndServe(":8080", mux)
}
