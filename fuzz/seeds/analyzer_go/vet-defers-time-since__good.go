// gocompat: from=1.21 to=1.22
package main

import (
	"log"
	"time"
)

func work() {
	start := time.Now()
	defer func() { log.Printf("took %v", time.Since(start)) }()
	elapsed := time.Since(start)
	defer log.Println("setup took", elapsed)
}

func main() { work() }
