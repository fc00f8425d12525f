// gocompat: from=1.21 to=1.21
// Deprecated only from go1.22.
package lint

import "go/ast"

func declOf(id *ast.Ident) any {
	return id.Obj
}
