M3// gocompat: from=1.22 to=1.22
package api

import (
	nethttp "net/http"
)

// A library: the main module decides the mux; the aliased import is still net/http.
func Register(mux *nethttp.ServeMux, h nethttp.HandlerFunc) {
	mux.HandleFunc("/v1/{id", // want: http-mux-invalid-pattern-panics
		h)
	mux.HandleFunc( /* the pattern */ "/v1/{id}/{id}", h) // want: http-mux-invalid-pattern-panics
}

// A local variable named http shadows nothing here: this http is not the package.
func Local() {
	http := struct{ HandleFunc func(string, func()) }{}
	http.HandleFunc("/x/{", func() {})
}
