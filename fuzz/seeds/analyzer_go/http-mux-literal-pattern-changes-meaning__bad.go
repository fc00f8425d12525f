// gocompat: from=1.21 to=1.22
package main

import (
	h "net/http"
)

const base = "/shop/"

func page(w h.ResponseWriter, r *h.Request) {}

func main() {
	h.HandleFunc("/docs/{page}", page)           // want: http-mux-literal-pattern-changes-meaning
	h.HandleFunc("DELETE /api/", page)          // want: http-mux-literal-pattern-changes-meaning
	h.HandleFunc("/caf%C3%A9/menu", page)        // want: http-mux-literal-pattern-changes-meaning
	h.HandleFunc("/v2/"+"{version}/"+"{$}", page) // want: http-mux-literal-pattern-changes-meaning
	h.HandleFunc(`/raw/{rest...}`, page)         // want: http-mux-literal-pattern-changes-meaning
	h.HandleFunc(base+"{item}", page)            // want: http-mux-literal-pattern-changes-meaning
	h.ListenAndServe(":8080", nil)
}
