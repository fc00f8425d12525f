// gocompat: from=1.21 to=1.22
package main

// During an upgrade from go1.21 the rewrite would not compile on the from side: no hint.
func main() {
	for i := 0; i < 3; i++ {
		println(i)
	}
}
