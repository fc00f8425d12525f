// gocompat: from=1.21 to=1.22
// oracle: run
// Pointers to range variables kept in slices and maps: under go1.21 they all alias
// one variable and see the last account.
package main

import "fmt"

type Account struct {
	ID      string
	Balance int
}

func main() {
	accounts := []Account{{"a", 10}, {"b", 20}, {"c", 30}}

	var ptrs []*Account
	for _, acc := range accounts {
		ptrs = append(ptrs, &acc) // want: loopvar-address-taken
	}

	byID := map[string]*int{}
	for _, acc := range accounts {
		byID[acc.ID] = &acc.Balance // want: loopvar-address-taken
	}

	for _, p := range ptrs {
		fmt.Print(p.ID, "=", p.Balance, " ")
	}
	fmt.Println(*byID["a"], *byID["b"], *byID["c"])
}
