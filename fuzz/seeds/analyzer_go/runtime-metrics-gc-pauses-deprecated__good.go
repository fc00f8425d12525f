// gocompat: from=1.22 to=1.23
package main

import "runtime/metrics"

func main() {
	s := []metrics.Sample{{Name: "/sched/pauses/total/gc:seconds"}, {Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
}
