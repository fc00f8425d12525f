Þ"// gocompat: from=1.22 to=1.23
package check

import "go/types"

func describe(t types.Type) string {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		return t.Obj().Name()
	}
	return ""
}

func underlying(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

func withAlias(t types.Type) int {
	switch t.(type) {
	case *types.Alias:
		return 1
	case *types.Named:
		return 2
	}
	return 0
}

func objects(o types.Object) bool {
	switch o.(type) {
	case *types.Func, *types.Var:
		return true
	}
	_, ok := o.Type().(*types.Signature)
	return ok
}
