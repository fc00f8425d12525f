+U// gocompat: from=1.22 to=1.22
package main

import (
	"log"
	"net/http"
)

func logged(w http.ResponseWriter, r *http.Request) {
	log.Println(r.Pattern) // want: http-request-pathvalue-api
	w.Write([]byte(r.PathValue("id")))
}

func main() {}
