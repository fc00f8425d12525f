// gocompat: from=1.22 to=1.22
package main

import "net/http"

func h(w http.ResponseWriter, r *http.Request) {}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/items/{id}", h)
	mux.HandleFunc("/items/{name}", h) // want: http-mux-conflicting-patterns
	mux.HandleFunc("/a/{x}", h)
	mux.HandleFunc("/{y}/b", h) // want: http-mux-conflicting-patterns
	mux.HandleFunc("/posts/latest", h)
	mux.HandleFunc("/posts/{id}", h)
	mux.HandleFunc("/posts/{slug}", h) // want: http-mux-conflicting-patterns
	mux.HandleFunc("GET /docs/{id}", h)
	mux.HandleFunc("/docs/latest", h) // want: http-mux-conflicting-patterns
	mux.HandleFunc("/dup", h)
	mux.HandleFunc("/dup", h) // want: http-mux-conflicting-patterns
	http.ListenAndServe(":8080", mux)
}

func init() {
	http.HandleFunc("GET /x/{a}", h)
	http.HandleFunc("/{x}/b", h) // want: http-mux-conflicting-patterns
}
