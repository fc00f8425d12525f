7I// gocompat: from=1.23 to=1.24
package main

import (
	"crypto/rand"
	"crypto/rsa"
	"log"
)

func main() {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		log.Fatal(err)
	}
	log.Println(key.N.BitLen())
}
