// gocompat: from=1.22 to=1.22
package main

import (
	"net/http"
	"os"
)

func h(w http.ResponseWriter, r *http.Request) {}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /x", h)
	mux.HandleFunc("/x", h) // a method beats no method
	mux.HandleFunc("/posts/latest", h)
	mux.HandleFunc("/posts/{id}", h) // a literal beats a wildcard
	mux.HandleFunc("example.com/posts/{id}", h)
	mux.HandleFunc("/a/{x}", h)
	mux.HandleFunc("/b/{y}", h)
	mux.HandleFunc("GET /r/{id}", h)
	mux.HandleFunc("POST /r/{key}", h) // disjoint methods
	// Two different muxes.
	admin := http.NewServeMux()
	admin.HandleFunc("/items/{id}", h)
	mux.HandleFunc("/items/{name}", h)
	// Conditional registrations may not both run.
	if os.Getenv("DEBUG") != "" {
		mux.HandleFunc("/debug/{x}", h)
	} else {
		mux.HandleFunc("/debug/{y}", h)
	}
	http.ListenAndServe(":8080", mux)
}

// Different functions: not compared.
func a(mux *http.ServeMux) { mux.HandleFunc("/z/{a}", h) }
func b(mux *http.ServeMux) { mux.HandleFunc("/z/{b}", h) }
