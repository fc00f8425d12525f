// gocompat: from=1.21 to=1.22
// Value receivers, field reads, immediate calls and index-based receivers.
package main

import "fmt"

type color struct{ name string }

func (c color) show() string { return c.name }

func (c *color) paint() { c.name += "!" }

func main() {
	colors := []color{{"red"}, {"green"}}
	var shows []func() string
	var names []string
	for _, c := range colors {
		shows = append(shows, c.show) // value receiver: copied now
		names = append(names, c.name) // a field read
		c.paint()                     // called during the iteration
		defer c.show()
	}
	for i := range colors {
		defer colors[i].paint()
	}
	for _, s := range shows {
		fmt.Print(s(), " ")
	}
	fmt.Println(names)
}
