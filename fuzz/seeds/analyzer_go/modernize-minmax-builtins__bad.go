// gocompat: from=1.21 to=1.22
package geom

func Smaller(a, b int) int {
	var x int
	if a < b { // want: modernize-minmax-builtins
		x = a
	} else {
		x = b
	}
	return x
}

func Larger(a, b int) int {
	y := b
	if a > b { // want: modernize-minmax-builtins
		y = a
	}
	return y
}

type box struct{ w, h int }

func (bx box) Side() int {
	var s int
	if bx.w <= bx.h { // want: modernize-minmax-builtins
		s = bx.h
	} else {
		s = bx.w
	}
	return s
}
