// gocompat: from=1.21 to=1.22
// oracle: run
// Addresses that stay inside the iteration, or point into the source slice.
package main

import (
	"encoding/json"
	"fmt"
)

type Account struct {
	ID      string
	Balance int
}

func bump(a *Account) { a.Balance++ }

func main() {
	accounts := []Account{{"a", 10}, {"b", 20}, {"c", 30}}

	var ptrs []*Account
	for i := range accounts {
		ptrs = append(ptrs, &accounts[i])
	}

	total := 0
	for _, acc := range accounts {
		bump(&acc) // the callee does not keep the pointer
		p := &acc
		total += p.Balance
	}

	var copies []*Account
	for _, acc := range accounts {
		acc := acc
		copies = append(copies, &acc)
	}

	for _, raw := range []string{`{"ID":"x","Balance":1}`} {
		var acc Account
		if err := json.Unmarshal([]byte(raw), &acc); err == nil {
			copies = append(copies, &acc)
		}
	}

	for _, p := range ptrs {
		fmt.Print(p.ID, " ")
	}
	for _, p := range copies {
		fmt.Print(p.Balance, " ")
	}
	fmt.Println(total)
}
