// gocompat: from=1.21 to=1.22
// oracle: run
// Retry closures that advance the attempt counter after the loop is over.
package main

import "fmt"

func main() {
	var retries []func() int
	for attempt := 0; attempt < 3; attempt++ {
		retries = append(retries, func() int { attempt += 10; return attempt }) // want: loopvar-closure-writes-3clause-var
	}
	for _, r := range retries {
		fmt.Print(r(), " ")
	}
	fmt.Println()
}
