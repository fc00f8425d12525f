นว// gocompat: from=1.21 to=1.22
package lint

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

func parse(fset *token.FileSet, src string) (*ast.File, error) {
	return parser.ParseFile(fset, "x.go", src, parser.SkipObjectResolution)
}

func declOf(info *types.Info, id *ast.Ident) types.Object {
	return info.ObjectOf(id)
}

func names(f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			out = append(out, fd.Name.Name)
		}
	}
	return out
}
