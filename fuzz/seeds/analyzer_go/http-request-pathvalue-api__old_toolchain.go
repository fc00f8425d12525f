// gocompat: from=1.21 to=1.21 toolchain=1.21
package main

import "net/http"

func item(w http.ResponseWriter, req *http.Request) {
	w.Write([]byte(req.PathValue("id"))) // want: http-request-pathvalue-api
}

func main() {}
