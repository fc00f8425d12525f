// gocompat: from=1.23 to=1.23
// golang.org/x/exp/maps.Keys returns a slice: not the standard package.
package report

import (
	"sort"

	"golang.org/x/exp/maps"
)

func Names(m map[string]int) []string {
	keys := maps.Keys(m)
	sort.Strings(keys)
	return keys
}
