// gocompat: from=1.21 to=1.22
package main

import "runtime/metrics"

// The new name does not exist before Go 1.22: the fix is not safe here.
func main() {
	s := []metrics.Sample{{Name: "/gc/pauses:seconds"}} // want: runtime-metrics-gc-pauses-deprecated
	metrics.Read(s)
}
