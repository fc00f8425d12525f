// gocompat: from=1.21 to=1.22
package main

import (
	"encoding/base32"
	b64 "encoding/base64"
	"fmt"
)

var (
	raw   = b64.RawURLEncoding.WithPadding(-2) // want: encoding-withpadding-negative-panics
	hexEn = base32.HexEncoding.WithPadding(-'=') // want: encoding-withpadding-negative-panics
)

func main() {
	fmt.Println(raw.EncodeToString([]byte("hi")), hexEn.EncodeToString([]byte("hi")))
}
