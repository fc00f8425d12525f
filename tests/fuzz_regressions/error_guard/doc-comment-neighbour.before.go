package p

func f0() {
	x :=
}

// F1 does things.
func f1() {
	switch x[if { case 1: f() }
}
