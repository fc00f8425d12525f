%[//go:build go1.20

// gocompat: from=1.21 to=1.21 toolchain=1.22
// A Go 1.22 toolchain applies the downgrade to go1.20 (Go 1.23+ would raise it to go1.21).
package stats

func Larger(a, b int) int {
	return max(a, b) // want: builtin-min-max-clear-requires-go121
}
