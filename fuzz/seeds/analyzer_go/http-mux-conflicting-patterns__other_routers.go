// gocompat: from=1.22 to=1.22
package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
)

// Other routers use the same method names and braces: never reported.
func main() {
	r := mux.NewRouter()
	r.HandleFunc("/articles/{category}/{id:[0-9]+}", handler)
	r.HandleFunc("/a/{x}/{x}", handler)
	r.Handle("/files/{name", http.NotFoundHandler())
	c := chi.NewRouter()
	c.HandleFunc("/users/{id}", handler)
	c.Get("/users/{id}/posts", handler)
	c.HandleFunc("/users/{name}", handler)
	c.HandleFunc("GET  /x", handler)
	var unknown interface {
		HandleFunc(string, func(http.ResponseWriter, *http.Request))
	}
	unknown.HandleFunc("/x/{y}", handler)
	http.ListenAndServe(":8080", r)
}

func handler(w http.ResponseWriter, req *http.Request) {
	_ = mux.Vars(req)["id"]
	_ = chi.URLParam(req, "id")
}
