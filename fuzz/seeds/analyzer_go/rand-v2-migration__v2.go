// gocompat: from=1.22 to=1.22
package game

import "math/rand/v2"

func Roll() int {
	return rand.IntN(6) + 1
}
