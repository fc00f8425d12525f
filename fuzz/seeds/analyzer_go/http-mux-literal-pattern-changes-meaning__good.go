// gocompat: from=1.21 to=1.22
package main

import "net/http"

func page(w http.ResponseWriter, r *http.Request) {}

func main() {
	// Same meaning under both muxes.
	http.HandleFunc("/docs/", page)
	http.HandleFunc("/", page)
	http.HandleFunc("/a}b", page)
	http.HandleFunc("example.com/admin/", page)
	prefix := "/v1/{id}" // not a constant pattern expression at the call: not analysed
	http.HandleFunc(prefix, page)
	http.ListenAndServe(":8080", nil)
}
