// gocompat: from=1.21 to=1.22
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
)

func main() {
	ctx := context.Background()
	logger := slog.New(slog.NewTextHandler(os.Stdout, nil))
	key := "dynamic"
	attrs := []any{"a", 1}
	slog.Info("ok", "k", 1, slog.Int("n", 2))
	slog.InfoContext(ctx, "ok", "k", 1)
	slog.Log(ctx, slog.LevelInfo, "ok", "k", "v")
	logger.Info("ok", key, 1)
	logger.Info("ok", attrs...)
	logger.With(slog.String("component", "api")).Warn("ok", "a", "b")
	slog.Info("ok", slog.Group("req", "method", "GET"))
}

// Not log/slog: a logger of this program with the same method names.
type auditLog struct{}

func (auditLog) Info(msg string, args ...any) {}

func audit() {
	var a auditLog
	a.Info("login", "user")
	slog.Info("fmt key", fmt.Sprintf("k%d", 1), 2)
}
