// gocompat: from=1.23 to=1.23
package main

import (
	"log"
	"net/http"
)

type route struct{ Pattern string }

func logged(w http.ResponseWriter, r *http.Request) {
	log.Println(r.Pattern, r.PathValue("id"))
	var rt route
	log.Println(rt.Pattern)
}

func main() {}
