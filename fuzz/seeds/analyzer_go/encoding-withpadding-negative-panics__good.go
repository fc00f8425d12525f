// gocompat: from=1.21 to=1.22
package main

import (
	"encoding/base32"
	"encoding/base64"
	"fmt"
)

var (
	a = base64.URLEncoding.WithPadding(base64.NoPadding)
	b = base32.StdEncoding.WithPadding('*')
	c = base64.StdEncoding.WithPadding(-1)
)

func main() {
	fmt.Println(a, b, c)
}
