—é// gocompat: from=1.22 to=1.22 toolchain=1.22.5
package main

import "net/http"

func h(w http.ResponseWriter, r *http.Request) {}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET  /status", h)   // want: http-mux-method-whitespace
	mux.HandleFunc("POST\t/items", h)   // want: http-mux-method-whitespace
	mux.HandleFunc("DELETE \t/items", h) // want: http-mux-method-whitespace
	http.ListenAndServe(":8080", mux)
}
