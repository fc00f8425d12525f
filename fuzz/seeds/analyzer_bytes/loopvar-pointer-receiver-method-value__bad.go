ç™// gocompat: from=1.21 to=1.22
// oracle: run
// Deferred pointer-receiver calls and stored method values on range variables.
package main

import "fmt"

type logger struct {
	prefix string
	out    *[]string
}

func (l *logger) flush() { *l.out = append(*l.out, l.prefix) }

func (l logger) name() string { return l.prefix }

func collect() []string {
	var out []string
	ls := []logger{{"x", &out}, {"y", &out}, {"z", &out}}
	func() {
		for _, l := range ls {
			defer l.flush() // want: loopvar-pointer-receiver-method-value
		}
	}()
	return out
}

func main() {
	fmt.Println(collect())

	var out []string
	ls := []logger{{"p", &out}, {"q", &out}}
	var flushers []func()
	var names []func() string
	for _, l := range ls {
		flushers = append(flushers, l.flush) // want: loopvar-pointer-receiver-method-value
		names = append(names, l.name)
	}
	for _, f := range flushers {
		f()
	}
	for _, n := range names {
		fmt.Print(n(), " ")
	}
	fmt.Println(out)
}
