// gocompat: from=1.21 to=1.22
// Other ways a pointer leaves the iteration.
package store

type Row [3]int

type Entry struct {
	Key   string
	Value *string
}

func Index(keys []string, out chan<- *string) []Entry {
	var entries []Entry
	for _, k := range keys {
		entries = append(entries, Entry{Key: k, Value: &k}) // want: loopvar-address-taken
		out <- &k                                            // want: loopvar-address-taken
	}
	return entries
}

func Alias(keys []string) []*string {
	var ps []*string
	for _, k := range keys {
		p := &k // want: loopvar-address-taken
		ps = append(ps, p)
	}
	return ps
}

func Rows(grid []Row) [][]int {
	var rows [][]int
	for _, row := range grid {
		rows = append(rows, row[:]) // want: loopvar-address-taken
	}
	return rows
}

func Process(items []string, handle func(*string)) {
	for _, it := range items {
		go handle(&it) // want: loopvar-address-taken
	}
}
