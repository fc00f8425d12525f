// gocompat: from=1.21 to=1.22
package main

import (
	"context"
	"errors"
	"fmt"
	lg "log/slog"
	"os"
	"time"
)

type K string

type svc struct {
	log  *lg.Logger
	name string
	n    int
}

const keyName = "k"
const limit = 3

var pkgLogger = lg.New(lg.NewTextHandler(os.Stderr, nil))

func f(ctx context.Context, p int, q string, e error, opts ...any) {
	n := "shadow"
	{
		n := 1
		lg.Info("m", n) // want: vet-slog-key-value
	}
	lg.Info("m", n) // want: vet-slog-key-value
	for _, v := range []int{1} {
		lg.Info("m", v) // vet-only: the type of a range variable is not visible
	}
	var k K = "x"
	lg.Info("m", k, 1) // want: vet-slog-key-value
	lg.Info("m", p) // want: vet-slog-key-value
	lg.Info("m", q) // want: vet-slog-key-value
	lg.Info("m", e, 1)
	lg.Info("m", opts) // want: vet-slog-key-value
	lg.Info("m", keyName) // want: vet-slog-key-value
	lg.Info("m", limit) // want: vet-slog-key-value
	lg.Info("m", keyName, limit, "x") // want: vet-slog-key-value
	s := svc{log: pkgLogger}
	s.log.Info("m", s.name) // vet-only: the type of a struct field is not looked up
	s.log.Warn("m", s.n) // vet-only: the type of a struct field is not looked up
	pkgLogger.Info("m", "a", 1, "b") // want: vet-slog-key-value
	func() {
		lg.Info("m", p) // p captured from the outer function // want: vet-slog-key-value
	}()
	d := time.Second
	lg.Info("m", d) // want: vet-slog-key-value
	t := time.Now()
	lg.Info("m", t) // want: vet-slog-key-value
	lg.Info("m", e.Error()) // want: vet-slog-key-value
	lg.Info("m", fmt.Sprint(p), p, errors.New("x"), p)
	var a any = "k"
	lg.Info("m", a, 1, 2) // want: vet-slog-key-value
	lg.Info("m", a)
	lg.InfoContext(ctx, "m", a, "v", 1)
	lg.Info("m", lg.Any("x", 1), lg.Int("i", 2), "k") // want: vet-slog-key-value
	lg.Info("m", lg.Attr{Key: "k"}, 7) // want: vet-slog-key-value
	l2 := pkgLogger.WithGroup("g")
	l2.Info("m", "x") // want: vet-slog-key-value
	lg.Default().With("a", 1).With("b").Info("m") // want: vet-slog-key-value
	lg.Log(ctx, lg.LevelWarn, "m", "k") // want: vet-slog-key-value
	lg.Info("m", []string{"a"}) // want: vet-slog-key-value
	lg.Info("m", map[string]int{}) // want: vet-slog-key-value
	lg.Info("m", &s) // want: vet-slog-key-value
	lg.Info("m", s) // want: vet-slog-key-value
	lg.Info("m", 'x') // want: vet-slog-key-value
	lg.Info("m", -p) // want: vet-slog-key-value
	lg.Info("m", p+1) // want: vet-slog-key-value
	lg.Info("m", q+"x") // want: vet-slog-key-value
	lg.Info("m", "a"+"b") // want: vet-slog-key-value
}

func main() {
	f(context.Background(), 1, "q", nil)
}
