// gocompat: from=1.21 to=1.21
package main

// Range over int does not exist before go1.22: no hint.
func main() {
	for i := 0; i < 3; i++ {
		println(i)
	}
}
