// gocompat: from=1.21 to=1.22 toolchain=1.27
// Go 1.27 removed gotypesalias: Alias nodes whatever the go line says.
package check

import "go/types"

func isNamed(t types.Type) bool {
	_, ok := t.(*types.Named) // want: gotypes-alias-nodes
	return ok
}
