// gocompat: from=1.23 to=1.23
package report

import (
	"fmt"
	"maps"
	"slices"
)

func Names(m map[string]int) []string {
	return slices.Sorted(maps.Keys(m))
}

func Print(m map[string]int) {
	for k := range maps.Keys(m) {
		fmt.Println(k)
	}
	for _, v := range maps.All(m) {
		fmt.Println(v)
	}
}
