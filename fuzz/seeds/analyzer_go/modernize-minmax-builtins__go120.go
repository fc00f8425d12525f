// gocompat: from=1.20 to=1.20
// No builtins before go1.21.
package geom

func Smaller(a, b int) int {
	x := b
	if a < b {
		x = a
	}
	return x
}
