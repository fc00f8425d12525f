// gocompat: from=1.21 to=1.22
package main

import "net/http"

func h(w http.ResponseWriter, r *http.Request) {}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/files/{name", h)      // want: http-mux-invalid-pattern-panics
	mux.HandleFunc("/files/a{b}", h)       // want: http-mux-invalid-pattern-panics
	mux.HandleFunc("/{x}/{x}", h)          // want: http-mux-invalid-pattern-panics
	mux.HandleFunc("/{p...}/z", h)         // want: http-mux-invalid-pattern-panics
	mux.HandleFunc("/{}", h)               // want: http-mux-invalid-pattern-panics
	mux.HandleFunc("/hello world", h)      // want: http-mux-invalid-pattern-panics
	mux.HandleFunc("GET /a/../b", h)       // want: http-mux-invalid-pattern-panics
	mux.HandleFunc("{h}/x", h)             // want: http-mux-invalid-pattern-panics
	mux.HandleFunc("/\x7bid\x7d/{id}", h)  // want: http-mux-invalid-pattern-panics
	mux.HandleFunc("/{user-id}", h)        // want: http-mux-invalid-pattern-panics
}

func main() {
	mux := &http.ServeMux{}
	routes(mux)
	http.DefaultServeMux.HandleFunc("/{$}/more", h) // want: http-mux-invalid-pattern-panics
	http.Handle("", http.NotFoundHandler())          // want: http-mux-invalid-pattern-panics
	http.Handle("/nil", nil)                         // want: http-mux-invalid-pattern-panics
	http.ListenAndServe(":8080", mux)
}
