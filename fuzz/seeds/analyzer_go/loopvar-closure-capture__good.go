// gocompat: from=1.21 to=1.22
// oracle: run
// Closures that do not outlive the iteration, or do not see the loop variable: the
// same output under go1.21 and go1.22.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type item struct {
	name string
	size int
}

func find(items []item, name string) func() int {
	for _, it := range items {
		if it.name == name {
			return func() int { return it.size } // returning leaves the loop
		}
	}
	return nil
}

func main() {
	items := []item{{"a", 3}, {"b", 1}, {"c", 2}}

	// Passed as an argument: evaluated at the go statement.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var seen []string
	for _, it := range items {
		wg.Add(1)
		go func(it item) {
			defer wg.Done()
			mu.Lock()
			seen = append(seen, it.name)
			mu.Unlock()
		}(it)
	}
	wg.Wait()
	sort.Strings(seen)
	fmt.Println(seen)

	// Explicit copy (still required under go1.21).
	var fns []func() string
	for _, it := range items {
		it := it
		fns = append(fns, func() string { return it.name })
	}

	// Called on the spot.
	total := 0
	for _, it := range items {
		func() { total += it.size }()
	}

	// Synchronous callback.
	for _, it := range items {
		n := sort.Search(len(items), func(k int) bool { return items[k].size >= it.size })
		total += n
	}

	// A nearer declaration hides the loop variable.
	for _, it := range items {
		fns = append(fns, func() string {
			it := strings.ToUpper("x")
			return it
		})
		_ = it
	}

	// A closure kept in a variable of the iteration and called in it.
	for _, it := range items {
		show := func() string { return it.name }
		fmt.Print(show(), " ")
	}
	fmt.Println()

	for _, f := range fns {
		fmt.Print(f(), " ")
	}
	fmt.Println(total, find(items, "c")())
}
