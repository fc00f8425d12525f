{// gocompat: from=1.21 to=1.22
package geom

func Pick(a, b, c int) int {
	var x int
	if a < b {
		x = c
	} else {
		x = b
	}
	if a < b {
		x = a
	} else if b < c {
		x = b
	}
	if a < b {
		return a
	}
	y := min(a, b)
	return x + y
}
