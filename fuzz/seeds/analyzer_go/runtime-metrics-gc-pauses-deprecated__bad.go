// gocompat: from=1.22 to=1.23
package main

import (
	"fmt"
	"runtime/metrics"
)

const pausesMetric = "/gc/pauses:seconds" // want: runtime-metrics-gc-pauses-deprecated

func main() {
	s := []metrics.Sample{{Name: pausesMetric}, {Name: `/gc/pauses:seconds`}} // want: runtime-metrics-gc-pauses-deprecated
	metrics.Read(s)
	fmt.Println(s[0].Value.Kind())
}
