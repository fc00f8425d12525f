¦Z// gocompat: from=1.21 to=1.22
// Aliased imports resolve to their paths; the message names the package as vet does.
package dice

import (
	r "math/rand/v2" // want: stdlib-symbol-newer-than-go-line
	s "slices"
	u "unique" // want: stdlib-symbol-newer-than-go-line
)

func Roll(xs, ys []int) int {
	all := s.Concat(xs, ys) // want: stdlib-symbol-newer-than-go-line
	h := u.Make("x")
	_ = h
	return all[r.IntN(len(all))]
}
