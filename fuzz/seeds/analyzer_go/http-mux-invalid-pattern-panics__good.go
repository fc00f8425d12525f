// gocompat: from=1.22 to=1.22
package main

import "net/http"

func h(w http.ResponseWriter, r *http.Request) {}

func main() {
	mux := new(http.ServeMux)
	mux.HandleFunc("/files/{name}", h)
	mux.HandleFunc("/static/{rest...}", h)
	mux.HandleFunc("GET /a/b/{$}", h)
	mux.HandleFunc("CONNECT /tunnel/../x", h)
	mux.HandleFunc("api.example.com/v1/", h)
	http.ListenAndServe(":8080", mux)
}
