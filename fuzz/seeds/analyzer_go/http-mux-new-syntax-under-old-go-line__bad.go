// gocompat: from=1.21 to=1.21 toolchain=1.22
package main

import (
	"fmt"
	"net/http"
)

type server struct {
	mux *http.ServeMux
}

func (s *server) routes() {
	s.mux.HandleFunc("POST /items", s.create) // want: http-mux-new-syntax-under-old-go-line
	s.mux.HandleFunc("/items/{id}", s.get)    // want: http-mux-new-syntax-under-old-go-line
}

func (s *server) create(w http.ResponseWriter, r *http.Request) {}
func (s *server) get(w http.ResponseWriter, r *http.Request)    {}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) { // want: http-mux-new-syntax-under-old-go-line
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("/{$}", http.NotFoundHandler()) // want: http-mux-new-syntax-under-old-go-line
	http.HandleFunc("/static/{path...}", nil2) // want: http-mux-new-syntax-under-old-go-line
	s := &server{mux: mux}
	s.routes()
	http.ListenAndServe(":8080", mux)
}

func nil2(w http.ResponseWriter, r *http.Request) {}
