// gocompat: from=1.22 to=1.23
package server

import (
	"cmp"
	r "math/rand/v2"
	"net/http"
	"reflect"
	"slices"
	"sync"
)

type Config struct {
	Name  string
	Addrs []string
}

func merge(a, b Config) Config {
	return Config{Name: cmp.Or(a.Name, b.Name), Addrs: slices.Concat(a.Addrs, b.Addrs)}
}

func typeOfConfig() reflect.Type { return reflect.TypeFor[Config]() }

func pick(xs []string) string { return xs[r.IntN(len(xs))] }

func handle(w http.ResponseWriter, req *http.Request, once *sync.Once) {
	once.Do(func() {})
	_ = req.URL.Path
}
