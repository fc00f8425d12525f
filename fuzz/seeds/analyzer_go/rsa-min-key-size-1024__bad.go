// gocompat: from=1.23 to=1.24
package main

import (
	"crypto/rand"
	"crypto/rsa"
	"log"
)

func main() {
	key, err := rsa.GenerateKey(rand.Reader, 512) // want: rsa-min-key-size-1024
	if err != nil {
		log.Fatal(err)
	}
	mp, err := rsa.GenerateMultiPrimeKey(rand.Reader, 3, 768) // want: rsa-min-key-size-1024, stdlib-symbol-deprecated
	log.Println(key.N.BitLen(), mp, err)
}
