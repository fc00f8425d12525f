// gocompat: from=1.21 to=1.22
package lint

import (
	"go/ast"
	"go/token"
)

func declOf(id *ast.Ident) ast.Node {
	if id.Obj == nil { // want: goast-object-resolution-deprecated
		return nil
	}
	d, _ := id.Obj.Decl.(ast.Node) // want: goast-object-resolution-deprecated
	return d
}

func unresolved(f *ast.File) int {
	var scope *ast.Scope = f.Scope // want: goast-object-resolution-deprecated, goast-object-resolution-deprecated
	_ = scope
	return len(f.Unresolved) // want: goast-object-resolution-deprecated
}

func pkg(fset *token.FileSet, files map[string]*ast.File) (*ast.Package, error) { // want: goast-object-resolution-deprecated
	return ast.NewPackage(fset, files, nil, nil) // want: goast-object-resolution-deprecated
}
