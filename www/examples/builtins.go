package main

import "fmt"

func main() {
	scores := map[string]int{"ada": 3, "ken": 5}
	best := max(scores["ada"], scores["ken"])
	fmt.Println(min(1, 2), best)
	clear(scores)
	fmt.Println(len(scores))
}
