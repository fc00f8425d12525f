q// gocompat: from=1.21 to=1.21
// Before go1.22 there is no math/rand/v2 to move to.
package game

import "math/rand"

func Roll() int {
	return rand.Intn(6) + 1
}
