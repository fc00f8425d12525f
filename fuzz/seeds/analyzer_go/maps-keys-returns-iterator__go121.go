// gocompat: from=1.21 to=1.21
// Before go1.23 the standard maps package has no Keys: the slice use is explained once.
package report

import (
	"maps"
	"sort"
)

func Names(m map[string]int) []string {
	keys := maps.Keys(m) // want: stdlib-symbol-newer-than-go-line
	sort.Strings(maps.Keys(m)) // want: maps-keys-returns-iterator
	_ = keys
	return nil
}
