// gocompat: from=1.21 to=1.22
// Table-driven tests: parallel subtests run after the loop has finished.
package parse

import (
	"strings"
	"testing"
)

var tests = []struct {
	name, in string
	want int
}{
	{"empty", "", 0},
	{"one", "a", 1},
	{"three", "a b c", 3},
}

func TestFields(t *testing.T) {
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := len(strings.Fields(tt.in)); got != tt.want { // want: loopvar-closure-capture
				t.Errorf("Fields(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestFieldsSequential(t *testing.T) {
	// No t.Parallel: each subtest finishes inside its iteration.
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(strings.Fields(tt.in)); got != tt.want {
				t.Errorf("Fields(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestFieldsCopied(t *testing.T) {
	for _, tt := range tests {
		tt := tt
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := len(strings.Fields(tt.in)); got != tt.want {
				t.Errorf("Fields(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanupOrder(t *testing.T) {
	for _, dir := range []string{"a", "b"} {
		t.Cleanup(func() { t.Log("removing", dir) }) // want: loopvar-closure-capture
	}
}
