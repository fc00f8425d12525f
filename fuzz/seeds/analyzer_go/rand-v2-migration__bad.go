// gocompat: from=1.22 to=1.22
package game

import (
	"math/rand" // want: rand-v2-migration
	"time"
)

func Roll() int {
	return rand.Intn(6) + 1
}

func Jitter(d time.Duration) time.Duration {
	return d + time.Duration(rand.Int63n(int64(d/10)))
}

func Shuffle(xs []string) {
	rand.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	_ = rand.Float64()
}
