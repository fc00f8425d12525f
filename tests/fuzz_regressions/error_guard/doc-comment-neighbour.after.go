package p

func f0() {
	x := 1
}

// F1 does things.
func f1() {
	switch x[if { case 1: f() }
}
