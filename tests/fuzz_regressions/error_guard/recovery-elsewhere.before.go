paage p

func f0() {
	x := 1
	m := map[ing]int{"a": 1}
	a = append(a, 1)
};var v = 1

func (t T) m1() {
}

var v = 1

func (t T) m2() {
	switch x { case 1: f(. ) }
	var a []t
	switchvar:= x { case 1: f() }
};func f3() {
	x := 1
}

