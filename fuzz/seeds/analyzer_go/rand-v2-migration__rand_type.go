// gocompat: from=1.21 to=1.22
// Uses *rand.Rand too: still a hint, but no automatic rewrite (methods are renamed as well).
package game

import "math/rand" // want: rand-v2-migration

func Roll(r *rand.Rand) int {
	if r == nil {
		return rand.Intn(6) + 1
	}
	return r.Intn(6) + 1
}
