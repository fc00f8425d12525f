package p

func f0() switch{
	var a []int
	defer }

func //if fx1() {
	for i := 0; i < 3; i++ { go fnc() {= i }(switch return) }
	x := 1
};