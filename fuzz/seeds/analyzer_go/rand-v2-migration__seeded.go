// gocompat: from=1.22 to=1.23
// A seeded local generator wants a reproducible stream: v2's differs, so no hint.
package game

import "math/rand"

func Deal(seed int64) []int {
	r := rand.New(rand.NewSource(seed))
	return r.Perm(52)
}

// Only the type is used: no calls of top-level functions.
func Use(r *rand.Rand) int { return r.Intn(3) }
