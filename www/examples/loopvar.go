package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	names := []string{"ada", "grace", "ken"}
	for _, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Before go1.22 every goroutine shares one `name`.
			fmt.Println("hello,", name)
		}()
	}
	wg.Wait()

	var prints []func()
	for i := 0; i < 3; i++ {
		prints = append(prints, func() { fmt.Println(i) })
	}
	for _, p := range prints {
		p()
	}
}
