package main

import (
	"fmt"
	"math/rand"
	"time"
)

func main() {
	rand.Seed(time.Now().UnixNano())
	fmt.Println(rand.Intn(6) + 1)

	buf := make([]byte, 16)
	rand.Read(buf)
	fmt.Printf("%x\n", buf)
}
