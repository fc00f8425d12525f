// gocompat: from=1.21 to=1.21
package server

import (
	"cmp"
	"iter" // want: stdlib-symbol-newer-than-go-line
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

type Config struct {
	Name  string
	Addrs []string
}

var protocols http.Protocols // want: stdlib-symbol-newer-than-go-line

func all(c Config) iter.Seq[string] {
	return slices.Values(c.Addrs) // want: stdlib-symbol-newer-than-go-line
}

func merge(a, b Config) Config {
	return Config{
		Name:  cmp.Or(a.Name, b.Name), // want: stdlib-symbol-newer-than-go-line
		Addrs: slices.Concat(a.Addrs, b.Addrs), // want: stdlib-symbol-newer-than-go-line
	}
}

func typeOfConfig() reflect.Type {
	return reflect.TypeFor[Config]() // want: stdlib-symbol-newer-than-go-line
}

func handle(w http.ResponseWriter, r *http.Request, cache *sync.Map) {
	id := r.PathValue("id") // want: http-request-pathvalue-api
	cookies := r.CookiesNamed("session") // want: stdlib-symbol-newer-than-go-line
	cache.Clear() // want: stdlib-symbol-newer-than-go-line
	for line := range strings.Lines(id) { // want: stdlib-symbol-newer-than-go-line
		_, _ = w.Write([]byte(line))
	}
	_ = cookies
	m := map[string]int{}
	_ = maps.Clone(m)
}

func TestMerge(t *testing.T) {
	ctx := t.Context() // want: stdlib-symbol-newer-than-go-line
	_ = ctx
}
