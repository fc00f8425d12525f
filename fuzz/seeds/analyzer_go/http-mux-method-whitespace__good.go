// gocompat: from=1.22 to=1.22 toolchain=1.22.5
package main

import "net/http"

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /status", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/a b/", func(w http.ResponseWriter, r *http.Request) {}) // want: http-mux-invalid-pattern-panics
	http.ListenAndServe(":8080", mux)
}
