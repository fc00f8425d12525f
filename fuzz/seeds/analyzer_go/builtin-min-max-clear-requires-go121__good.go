// gocompat: from=1.20 to=1.20
// The file declares its own min; a local max shadows the builtin; clear is a method.
package stats

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}

type set map[string]bool

func (s set) clear() {
	for k := range s {
		delete(s, k)
	}
}

func Spread(xs []int, s set) int {
	max := func(a, b int) int {
		if a > b {
			return a
		}
		return b
	}
	s.clear()
	return max(xs[0], xs[1]) - min(xs[0], xs[1])
}
