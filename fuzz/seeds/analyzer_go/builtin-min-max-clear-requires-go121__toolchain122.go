// gocompat: from=1.20 to=1.21 toolchain=1.22
// Go 1.21/1.22 compilers say "min requires …" (1.23+ say "built-in min requires …").
package stats

func Smaller(a, b int) int {
	return min(a, b) // want: builtin-min-max-clear-requires-go121
}
