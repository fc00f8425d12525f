// gocompat: from=1.21 to=1.21 toolchain=1.22
package main

import "net/http"

func item(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id") // want: http-request-pathvalue-api
	r.SetPathValue("id", id) // want: http-request-pathvalue-api
	w.Write([]byte(id))
}

func main() {}
