// gocompat: from=1.21 to=1.22
package stats

func Clamp(x, lo, hi int) int {
	return max(lo, min(x, hi))
}
