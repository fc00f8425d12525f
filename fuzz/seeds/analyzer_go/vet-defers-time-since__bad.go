// gocompat: from=1.21 to=1.22
package main

import (
	"log"
	"net/http"
	t "time"
)

type metrics struct{}

func (metrics) Observe(name string, d t.Duration) {}

var m metrics

func handle(w http.ResponseWriter, r *http.Request) {
	start := t.Now()
	defer log.Printf("%s %s took %v", r.Method, r.URL.Path, t.Since(start)) // want: vet-defers-time-since
	defer m.Observe("handle", t.Since(start).Round(t.Millisecond))          // want: vet-defers-time-since
	defer t.Since(start)                                                     // want: vet-defers-time-since
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	http.HandleFunc("/", handle)
}
