// gocompat: from=1.21 to=1.21 toolchain=1.22
package main

import (
	"net/http"
	"strings"
)

// Go 1.21-style routes: literal prefixes, manual parsing.
func item(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, "/items/")
	w.Write([]byte(id))
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/items/", item)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	mux.Handle("example.com/", http.NotFoundHandler())
	http.ListenAndServe(":8080", mux)
}
