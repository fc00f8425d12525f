// gocompat: from=1.21 to=1.22
// The TypeFor rewrite needs the go1.22 line first, so it is not a safe fix here.
package registry

import (
	"fmt"
	"reflect"
)

var stringerType = reflect.TypeOf((*fmt.Stringer)(nil)).Elem() // want: reflect-ptrto-and-typefor
