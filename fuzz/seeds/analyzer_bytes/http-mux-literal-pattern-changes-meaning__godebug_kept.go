ré//go:debug httpmuxgo121=1
// gocompat: from=1.21 to=1.22

package main

import "net/http"

// The //go:debug line keeps the Go 1.21 mux after the upgrade: nothing changes meaning,
// but the Go 1.22 syntax does not work either.
func main() {
	http.HandleFunc("/docs/{page}", func(w http.ResponseWriter, r *http.Request) {}) // want: http-mux-new-syntax-under-old-go-line
	http.ListenAndServe(":8080", nil)
}
