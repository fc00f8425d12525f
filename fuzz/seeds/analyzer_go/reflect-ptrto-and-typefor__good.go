// gocompat: from=1.22 to=1.22
package registry

import (
	"io"
	"reflect"
)

var readerType = reflect.TypeFor[io.Reader]()

type T struct{}

func PointerOf(t reflect.Type) reflect.Type {
	_ = reflect.TypeOf(T{}).Elem
	_ = reflect.TypeOf(new(T)).Elem()
	return reflect.PointerTo(t)
}
