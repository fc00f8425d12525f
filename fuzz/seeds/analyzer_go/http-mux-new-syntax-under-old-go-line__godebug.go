// gocompat: from=1.22 to=1.22 gomod="module m\ngo 1.22\ngodebug httpmuxgo121=1"
package main

import "net/http"

func item(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(r.PathValue("id"))) // want: http-mux-new-syntax-under-old-go-line
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", item) // want: http-mux-new-syntax-under-old-go-line
	http.ListenAndServe(":8080", mux)
}
