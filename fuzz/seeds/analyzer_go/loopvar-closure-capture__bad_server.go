// gocompat: from=1.21 to=1.22
// Escape routes of closures created in range loops: handler registration, errgroup,
// timers, channels, maps, composite literals, outer variables, local aliases, defer.
package server

import (
	"context"
	"io"
	"log"
	"net/http"
	"time"

	"golang.org/x/sync/errgroup"
)

type Route struct {
	Path string
	Body string
}

func Register(mux *http.ServeMux, routes []Route) {
	for _, rt := range routes {
		mux.HandleFunc(rt.Path, func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, rt.Body) // want: loopvar-closure-capture
		})
	}
}

func FetchAll(ctx context.Context, urls []string, fetch func(context.Context, string) error) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, u := range urls {
		g.Go(func() error {
			return fetch(ctx, u) // want: loopvar-closure-capture
		})
	}
	return g.Wait()
}

func ScheduleReminders(names []string, delay time.Duration) []*time.Timer {
	var timers []*time.Timer
	for i, name := range names {
		t := time.AfterFunc(delay*time.Duration(i+1), func() {
			log.Printf("reminder for %s", name) // want: loopvar-closure-capture
		})
		timers = append(timers, t)
	}
	return timers
}

func Pipeline(stages []string, out chan<- func() string) {
	for _, s := range stages {
		out <- func() string { return "stage " + s } // want: loopvar-closure-capture
	}
}

func Callbacks(events []string) map[string]func() string {
	m := map[string]func() string{}
	for _, ev := range events {
		m[ev] = func() string { return ev } // want: loopvar-closure-capture
	}
	return m
}

type task struct {
	name string
	run  func() string
}

func Tasks(names []string) []task {
	var tasks []task
	for _, n := range names {
		tasks = append(tasks, task{name: n, run: func() string { return n }}) // want: loopvar-closure-capture
	}
	return tasks
}

func CloseAll(conns []io.Closer) {
	for _, c := range conns {
		defer func() {
			if err := c.Close(); err != nil { // want: loopvar-closure-capture
				log.Print(err)
			}
		}()
	}
}

func LastHook(hooks []string) func() string {
	var hook func() string
	for _, h := range hooks {
		hook = func() string { return h } // want: loopvar-closure-capture
	}
	return hook
}

func StartAll(workers []string, run func(string)) {
	for _, w := range workers {
		start := func() { run(w) } // want: loopvar-closure-capture
		go start()
	}
}

func Retry(ctx context.Context, ops []func() error) {
	for i, op := range ops {
		go func() {
			for attempt := 0; attempt < 3; attempt++ {
				if err := op(); err == nil { // want: loopvar-closure-capture
					return
				}
			}
			log.Printf("op %d failed", i) // want: loopvar-closure-capture
		}()
	}
}
