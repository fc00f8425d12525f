// gocompat: from=1.21 to=1.22
// A go1.22 main module defaults to gotypesalias=0: no Alias nodes on either side.
package check

import "go/types"

func isNamed(t types.Type) bool {
	_, ok := t.(*types.Named)
	return ok
}
