// gocompat: from=1.21 to=1.22
// `go w.Run()` with a method declared elsewhere: reported as possible.
package pool

import "sync"

type Worker interface{ Run() }

func StartAll(workers []Worker, wg *sync.WaitGroup) {
	for _, w := range workers {
		wg.Add(1)
		go w.Run() // want: loopvar-pointer-receiver-method-value
	}
}
