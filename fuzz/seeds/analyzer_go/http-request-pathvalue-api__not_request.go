// gocompat: from=1.21 to=1.21
package main

import "github.com/acme/router"

// PathValue on something that is not *http.Request.
func item(ctx *router.Context) string {
	return ctx.PathValue("id")
}

func main() {}
