// gocompat: from=1.21 to=1.21 toolchain=1.22
package main

import "net/http"

func h(w http.ResponseWriter, r *http.Request) {}

func main() {
	http.HandleFunc("/a/{x}", h) // want: http-mux-new-syntax-under-old-go-line
	http.HandleFunc("/a/{y}", h) // want: http-mux-new-syntax-under-old-go-line
	http.HandleFunc("/status", h)
	http.HandleFunc("/status", h) // want: http-mux-conflicting-patterns
	http.ListenAndServe(":8080", nil)
}
