// gocompat: from=1.21 to=1.21
// reflect.PtrTo is only marked deprecated in go1.22.
package registry

import "reflect"

func PointerOf(t reflect.Type) reflect.Type {
	return reflect.PtrTo(t)
}
