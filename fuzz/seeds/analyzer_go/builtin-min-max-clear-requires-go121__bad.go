// gocompat: from=1.20 to=1.20 toolchain=1.23
package stats

func Spread(xs []int) int {
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		lo = min(lo, x) // want: builtin-min-max-clear-requires-go121
		hi = max(hi, x) // want: builtin-min-max-clear-requires-go121
	}
	return hi - lo
}

func Reset(m map[string]int) {
	clear(m) // want: builtin-min-max-clear-requires-go121
}
