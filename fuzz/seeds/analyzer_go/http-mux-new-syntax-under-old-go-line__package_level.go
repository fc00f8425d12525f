// gocompat: from=1.21 to=1.21 toolchain=1.23
package main

import "net/http"

var (
	api   = http.NewServeMux()
	admin *http.ServeMux
	dflt  = http.DefaultServeMux
)

func h(w http.ResponseWriter, r *http.Request) {}

func main() {
	admin = http.NewServeMux()
	api.HandleFunc("GET /v1/users", h)      // want: http-mux-new-syntax-under-old-go-line
	admin.HandleFunc("/users/{id}/", h)     // want: http-mux-new-syntax-under-old-go-line
	dflt.HandleFunc("/x/{y}", h)            // want: http-mux-new-syntax-under-old-go-line
	(api).Handle("/static/", http.NotFoundHandler())
	http.ListenAndServe(":8080", api)
}
