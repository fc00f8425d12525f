S-// gocompat: from=1.21 to=1.22
// oracle: run
// A worker pool whose goroutines wait until the loop is over: under go1.21 every
// worker sees the last job.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	jobs := []string{"resize", "upload", "notify"}
	start := make(chan struct{})
	var mu sync.Mutex
	var done []string
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			mu.Lock()
			done = append(done, job) // want: loopvar-closure-capture
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	sort.Strings(done)
	fmt.Println(done)

	var cleanups []func() string
	for i := 0; i < 3; i++ {
		cleanups = append(cleanups, func() string { return fmt.Sprint("cleanup ", i) }) // want: loopvar-closure-capture
	}
	for _, c := range cleanups {
		fmt.Println(c())
	}
}
