// gocompat: from=1.21 to=1.22
package main

import (
	"context"
	"errors"
	log "log/slog"
	"os"
)

type server struct {
	logger *log.Logger
}

func (s *server) handle(ctx context.Context, path string, status int) {
	s.logger.Info("request", "path", path, "status") // want: vet-slog-key-value
	s.logger.InfoContext(ctx, "request", "path", path, 200, status) // want: vet-slog-key-value
}

type tagging struct{ log.Handler }

func (h tagging) Handle(ctx context.Context, r log.Record) error {
	r.Add("request_id") // want: vet-slog-key-value
	return h.Handler.Handle(ctx, r)
}

func main() {
	l := log.New(log.NewJSONHandler(os.Stderr, nil))
	log.Info("starting", "version") // want: vet-slog-key-value
	log.Warn("retry", 3, "attempt") // want: vet-slog-key-value
	log.Error("failed", "err", errors.New("x"), true) // want: vet-slog-key-value
	l.With("component") // want: vet-slog-key-value
	l.With("component", "api").Debug("ready", "port") // want: vet-slog-key-value
	log.Default().Error("boom", nil) // want: vet-slog-key-value
	(&server{logger: l}).handle(context.Background(), "/", 200)
}
