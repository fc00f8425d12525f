// gocompat: from=1.22 to=1.23
package check

import (
	"fmt"
	"go/types"
)

func describe(t types.Type) string {
	switch t := t.(type) { // want: gotypes-alias-nodes
	case *types.Named:
		return "named " + t.Obj().Name()
	case *types.Basic:
		return "basic " + t.Name()
	default:
		return fmt.Sprint(t)
	}
}

func isNamed(obj types.Object) bool {
	_, ok := obj.Type().(*types.Named) // want: gotypes-alias-nodes
	return ok
}
