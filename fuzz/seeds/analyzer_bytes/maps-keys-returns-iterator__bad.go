1O// gocompat: from=1.23 to=1.23
// Code written against golang.org/x/exp/maps, whose Keys/Values return slices.
package report

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

func Names(m map[string]int) string {
	sort.Strings(maps.Keys(m)) // want: maps-keys-returns-iterator
	return strings.Join(maps.Keys(m), ",") // want: maps-keys-returns-iterator
}

func First(m map[string]int) int {
	if len(maps.Values(m)) == 0 { // want: maps-keys-returns-iterator
		return 0
	}
	return maps.Values(m)[0] // want: maps-keys-returns-iterator
}

func Print(m map[string]int) {
	for i, k := range maps.Keys(m) { // want: maps-keys-returns-iterator
		fmt.Println(i, k)
	}
	_ = slices.Max(slices.Collect(maps.Values(m)))
}
