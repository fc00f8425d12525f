// gocompat: from=1.21 to=1.21
// A parameter that shadows an import name is not the package; unknown receivers are not guessed.
package shadow

import (
	"slices"
	"strings"
)

type lines struct{ all []string }

func (l lines) Concat(a, b []string) []string { return append(a, b...) }
func (l lines) Lines(s string) []string   { return l.all }

func use(slices lines, strings lines, sb *strings.Builder) []string {
	_ = strings.Lines("x")
	return slices.Concat(nil, nil)
}

func other(x interface{ Clear() }) {
	x.Clear()
	_ = slices.Index([]int{1}, 1)
}
