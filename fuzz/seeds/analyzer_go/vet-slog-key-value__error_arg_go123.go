// gocompat: from=1.22 to=1.23 toolchain=1.23
package main

import (
	"errors"
	"log/slog"
)

// Go 1.23's vet knows that an error can be neither a string nor a slog.Attr; Go 1.21/1.22's
// vet treated every interface as unknown and stayed silent.
func save(id string) error {
	err := errors.New("disk full")
	slog.Error("save failed", err) // want: vet-slog-key-value
	slog.Error("save failed", "id", id, "err", err)
	var v any = id
	slog.Info("saved", v)
	return err
}

func main() { _ = save("a") }
