// gocompat: from=1.22 to=1.22
package registry

import (
	"io"
	"reflect"
)

var (
	readerType = reflect.TypeOf((*io.Reader)(nil)).Elem() // want: reflect-ptrto-and-typefor
	errorType  = reflect.TypeOf((*error)(nil)).Elem() // want: reflect-ptrto-and-typefor
)

func PointerOf(t reflect.Type) reflect.Type {
	return reflect.PtrTo(t) // want: reflect-ptrto-and-typefor
}
