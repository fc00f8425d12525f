// gocompat: from=1.22 to=1.22
package main

import (
	"net/http"
)

var api = http.NewServeMux()

func h(w http.ResponseWriter, r *http.Request) {}

// main is written first but runs after every init: the init registrations come first.
func main() {
	http.HandleFunc("/users/{name}", h) // want: http-mux-conflicting-patterns
	api.HandleFunc("GET /v1/{x}", h)
	http.ListenAndServe(":8080", nil)
}

func init() {
	http.HandleFunc("/users/{id}", h)
	api.HandleFunc("/v1/{y}", h) // a method wins: no conflict
}

// Not init or main: not known to run together with the others.
func setup() {
	http.HandleFunc("/users/{other}", h)
}
