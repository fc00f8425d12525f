package main

import (
	"log"
	"time"
)

func work(items []string) []string {
	start := time.Now()
	defer log.Println("took", time.Since(start))
	items = append(items)
	return items
}

func main() {
	log.Println(work([]string{"a", "b"}))
}
