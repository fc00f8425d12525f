package main

import "fmt"

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		} else {
			fmt.Println("no panic?")
		}
	}()
	panic(nil)
}
