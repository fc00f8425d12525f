//! The workshop's lessons as data: each exercise has its versions, starting text (Go code or
//! `go env` output), a goal in words and as checkable conditions ([`Cond`]), progressive
//! hints and a reference solution. `tests/workshop_lessons.rs` checks that every starting
//! text fails its goal with an accurate list of what is left, that every solution passes,
//! and runs the solutions that have a [`Run`] under the real Go toolchains.
//!
//! Pure data: compiled into the app and, by `#[path]`, into the native tests.

/// What an exercise edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Go code in the editor, analysed with the exercise's versions and go.mod.
    Code,
    /// `go env` output in the env view.
    Env,
}

/// One condition of an exercise's goal. Text comparisons ignore white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cond {
    /// No finding of these rules (code) or checks (env).
    NoFinding(&'static [&'static str]),
    /// The code parses: no `syntax-error` finding.
    Parses,
    /// The code still contains this text (stops "delete everything" answers).
    CodeHas { text: &'static str, what: &'static str },
    /// The code no longer contains this text.
    CodeLacks { text: &'static str, what: &'static str },
    /// The go.mod text contains this text.
    GoModHas { text: &'static str, what: &'static str },
    /// The paste sets this variable to an absolute path.
    EnvAbsolute(&'static str),
    /// The paste sets this variable to one of these values.
    EnvOneOf { name: &'static str, values: &'static [&'static str] },
    /// One of these variables contains `needle`.
    EnvAnyContains { names: &'static [&'static str], needle: &'static str, what: &'static str },
    /// The paste still lists at least this many variables (a whole `go env` listing).
    EnvMinVars(usize),
}

/// A run of the reference solution under a real Go toolchain (native oracle test only):
/// `toolchain` is `1.N` (`/usr/lib/go-1.N/bin/go`); `go_line` the go.mod go line, or `None`
/// to use the exercise's solution go.mod.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub toolchain: &'static str,
    pub go_line: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Oracle {
    /// What the solution prints under every run.
    pub expect: &'static str,
    pub runs: &'static [Run],
    /// The starting code prints something else under at least one run (or fails to build).
    pub start_differs: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exercise {
    /// Stable id, stored in the progress (`gocompat.workshop.v1`).
    pub id: &'static str,
    pub title: &'static str,
    pub kind: Kind,
    /// The go line before and after the upgrade (the page's From/To).
    pub from: &'static str,
    pub to: &'static str,
    /// go.mod text ("" for none).
    pub gomod: &'static str,
    pub start: &'static str,
    /// The goal, in words (inline `code` in backquotes).
    pub goal: &'static str,
    pub conds: &'static [Cond],
    /// Progressive: shown one at a time.
    pub hints: &'static [&'static str],
    pub solution: &'static str,
    /// The solution's go.mod when it differs from [`Exercise::gomod`].
    pub solution_gomod: Option<&'static str>,
    pub oracle: Option<Oracle>,
    /// The go.dev page the exercise is about.
    pub source: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lesson {
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub exercises: &'static [Exercise],
}

/// Every exercise, lesson by lesson.
pub fn all_exercises() -> impl Iterator<Item = (&'static Lesson, &'static Exercise)> {
    LESSONS.iter().flat_map(|l| l.exercises.iter().map(move |e| (l, e)))
}

pub fn exercise(id: &str) -> Option<(&'static Lesson, &'static Exercise)> {
    all_exercises().find(|(_, e)| e.id == id)
}

/// The exercise after `id` (in lesson order), if any.
pub fn next_after(id: &str) -> Option<&'static Exercise> {
    let mut it = all_exercises().map(|(_, e)| e);
    it.by_ref().find(|e| e.id == id)?;
    it.next()
}

const OLD_AND_NEW: &[Run] =
    &[Run { toolchain: "1.21", go_line: Some("1.21") }, Run { toolchain: "1.22", go_line: Some("1.22") }];

pub const LESSONS: &[Lesson] = &[
    Lesson {
        id: "loopvar",
        title: "Loop variables",
        intro: "Go 1.22 gives each iteration of a `for` loop its own variables, when the file's Go version (the go.mod go line, or a `//go:build` line) is go1.22 or later. Code that captured the one shared variable changes behaviour.",
        exercises: &[
            Exercise {
                id: "loopvar-closures",
                title: "Closures stored in a loop",
                kind: Kind::Code,
                from: "1.21",
                to: "1.22",
                gomod: "",
                start: r#"package main

import "fmt"

func main() {
	var prints []func()
	for i := 0; i < 3; i++ {
		prints = append(prints, func() { fmt.Println(i) })
	}
	for _, p := range prints {
		p()
	}
}
"#,
                goal: "Make the program print 0, 1, 2 under both go 1.21 and go 1.22, and keep storing closures in `prints`.",
                conds: &[
                    Cond::Parses,
                    Cond::NoFinding(&["loopvar-closure-capture"]),
                    Cond::CodeHas { text: "prints = append(prints, func()", what: "the closures stored in `prints`" },
                ],
                hints: &[
                    "Under go 1.21 the three closures share one `i`; after the loop it is 3, so they print 3 3 3. Under go 1.22 each iteration has its own `i`.",
                    "Give each iteration its own variable in go 1.21 too: declare a new variable inside the loop body and let the closure read that one.",
                    "Add `i := i` as the first statement of the loop body (it is redundant, but harmless, once the module is on go 1.22).",
                ],
                solution: r#"package main

import "fmt"

func main() {
	var prints []func()
	for i := 0; i < 3; i++ {
		i := i
		prints = append(prints, func() { fmt.Println(i) })
	}
	for _, p := range prints {
		p()
	}
}
"#,
                solution_gomod: None,
                oracle: Some(Oracle { expect: "0\n1\n2\n", runs: OLD_AND_NEW, start_differs: true }),
                source: "https://go.dev/blog/loopvar-preview",
            },
            Exercise {
                id: "loopvar-address",
                title: "Pointers to the loop variable",
                kind: Kind::Code,
                from: "1.21",
                to: "1.22",
                gomod: "",
                start: r#"package main

import "fmt"

type user struct{ name string }

func main() {
	users := []user{{"ada"}, {"grace"}, {"ken"}}
	var ptrs []*user
	for _, u := range users {
		ptrs = append(ptrs, &u)
	}
	for _, p := range ptrs {
		fmt.Println(p.name)
	}
}
"#,
                goal: "Collect a pointer to each user so that the program prints ada, grace, ken under both go 1.21 and go 1.22.",
                conds: &[
                    Cond::Parses,
                    Cond::NoFinding(&["loopvar-address-taken", "loopvar-pointer-outlives-loop"]),
                    Cond::CodeHas { text: "ptrs = append(ptrs, &", what: "pointers appended to `ptrs`" },
                ],
                hints: &[
                    "`&u` is the address of the loop variable. Under go 1.21 there is one `u` for the whole loop, so all three pointers are equal and see the last user.",
                    "Take the address of the slice element instead of the copy in `u`: range over the indexes.",
                    "Write `for i := range users { ptrs = append(ptrs, &users[i]) }`.",
                ],
                solution: r#"package main

import "fmt"

type user struct{ name string }

func main() {
	users := []user{{"ada"}, {"grace"}, {"ken"}}
	var ptrs []*user
	for i := range users {
		ptrs = append(ptrs, &users[i])
	}
	for _, p := range ptrs {
		fmt.Println(p.name)
	}
}
"#,
                solution_gomod: None,
                oracle: Some(Oracle { expect: "ada\ngrace\nken\n", runs: OLD_AND_NEW, start_differs: true }),
                source: "https://go.dev/wiki/LoopvarExperiment",
            },
            Exercise {
                id: "loopvar-buildtag",
                title: "A //go:build line that keeps the old loops",
                kind: Kind::Code,
                from: "1.22",
                to: "1.22",
                gomod: "",
                start: r#"//go:build go1.21

package main

import "fmt"

func main() {
	var prints []func()
	for i := 0; i < 3; i++ {
		prints = append(prints, func() { fmt.Println(i) })
	}
	for _, p := range prints {
		p()
	}
}
"#,
                goal: "The module is on go 1.22 and this file relies on per-iteration loop variables (it should print 0, 1, 2). Make the file get them, without changing the loop.",
                conds: &[
                    Cond::Parses,
                    Cond::NoFinding(&["loopvar-buildtag-keeps-old-semantics", "loopvar-closure-capture"]),
                    Cond::CodeHas { text: "prints = append(prints, func() { fmt.Println(i) })", what: "the loop body unchanged" },
                ],
                hints: &[
                    "A `//go:build go1.N` line sets the file's Go version, and the file's version (not the module's) decides the loop semantics.",
                    "`//go:build go1.21` keeps this file at go1.21 even in a go 1.22 module.",
                    "Change the line to `//go:build go1.22`, or delete it if the file does not need a constraint.",
                ],
                solution: r#"//go:build go1.22

package main

import "fmt"

func main() {
	var prints []func()
	for i := 0; i < 3; i++ {
		prints = append(prints, func() { fmt.Println(i) })
	}
	for _, p := range prints {
		p()
	}
}
"#,
                solution_gomod: None,
                oracle: Some(Oracle {
                    expect: "0\n1\n2\n",
                    runs: &[Run { toolchain: "1.22", go_line: Some("1.22") }],
                    start_differs: true,
                }),
                source: "https://go.dev/doc/go1.22#language",
            },
        ],
    },
    Lesson {
        id: "range-int",
        title: "Range over int",
        intro: "Go 1.22 lets `for i := range n` count from 0 to n-1. Only files whose Go version is go1.22 or later may use it.",
        exercises: &[
            Exercise {
                id: "range-int-old-go-line",
                title: "range over int in a go 1.21 module",
                kind: Kind::Code,
                from: "1.21",
                to: "1.22",
                gomod: "",
                start: r#"package main

import "fmt"

func main() {
	for i := range 3 {
		fmt.Println("attempt", i)
	}
}
"#,
                goal: "The module must still build with its go 1.21 go line. Keep printing attempt 0, attempt 1, attempt 2.",
                conds: &[
                    Cond::Parses,
                    Cond::NoFinding(&["range-over-int-requires-go122"]),
                    Cond::CodeHas { text: "fmt.Println(\"attempt\", i)", what: "the loop printing each attempt" },
                ],
                hints: &[
                    "With go 1.21 in go.mod the compiler rejects `range 3`: it needs go1.22.",
                    "Write the loop in a form go 1.21 accepts: a three-clause `for` loop.",
                    "`for i := 0; i < 3; i++ {`",
                ],
                solution: r#"package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		fmt.Println("attempt", i)
	}
}
"#,
                solution_gomod: None,
                oracle: Some(Oracle {
                    expect: "attempt 0\nattempt 1\nattempt 2\n",
                    runs: OLD_AND_NEW,
                    start_differs: true,
                }),
                source: "https://go.dev/ref/spec#For_range",
            },
            Exercise {
                id: "range-int-modernize",
                title: "Modernize a counting loop",
                kind: Kind::Code,
                from: "1.22",
                to: "1.22",
                gomod: "",
                start: r#"package main

import "fmt"

func main() {
	n := 3
	for i := 0; i < n; i++ {
		fmt.Println("attempt", i)
	}
}
"#,
                goal: "The module is on go 1.22: write the counting loop with `range` over the int `n`.",
                conds: &[
                    Cond::Parses,
                    Cond::NoFinding(&["range-over-int-modernize", "range-over-int-requires-go122"]),
                    Cond::CodeHas { text: "range n", what: "a loop ranging over `n`" },
                    Cond::CodeHas { text: "fmt.Println(\"attempt\", i)", what: "the loop printing each attempt" },
                ],
                hints: &[
                    "`for i := range n` runs with i = 0, 1, …, n-1, like the three-clause loop.",
                    "Replace the loop header; the body stays the same.",
                    "`for i := range n {`",
                ],
                solution: r#"package main

import "fmt"

func main() {
	n := 3
	for i := range n {
		fmt.Println("attempt", i)
	}
}
"#,
                solution_gomod: None,
                oracle: Some(Oracle {
                    expect: "attempt 0\nattempt 1\nattempt 2\n",
                    runs: &[Run { toolchain: "1.22", go_line: Some("1.22") }],
                    start_differs: false,
                }),
                source: "https://go.dev/doc/go1.22#language",
            },
        ],
    },
    Lesson {
        id: "servemux",
        title: "ServeMux patterns and conflicts",
        intro: "Go 1.22's net/http ServeMux accepts methods and `{wildcards}` in patterns. Registering two patterns that match the same requests without one being more specific panics, and so does a malformed wildcard.",
        exercises: &[
            Exercise {
                id: "mux-conflict",
                title: "Two patterns that conflict",
                kind: Kind::Code,
                from: "1.22",
                to: "1.22",
                gomod: "",
                start: r#"package main

import (
	"fmt"
	"net/http"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "item", r.PathValue("id"))
	})
	mux.HandleFunc("/{user}/items", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "items of", r.PathValue("user"))
	})
	http.ListenAndServe(":8080", mux)
}
"#,
                goal: "The second registration panics at start-up. Keep both routes (one item by id, the items of a user) and make them register.",
                conds: &[
                    Cond::Parses,
                    Cond::NoFinding(&["http-mux-conflicting-patterns", "http-mux-invalid-pattern-panics"]),
                    Cond::CodeHas { text: "\"GET /items/{id}\"", what: "the route `GET /items/{id}`" },
                    Cond::CodeHas { text: "r.PathValue(\"user\")", what: "the user route reading its `{user}` wildcard" },
                ],
                hints: &[
                    "Both patterns match `/items/items`, and neither is more specific than the other, so ServeMux panics when the second is registered.",
                    "Make the user route start with a literal segment that `/items/{id}` cannot match.",
                    "Register `/users/{user}/items` instead of `/{user}/items`.",
                ],
                solution: r#"package main

import (
	"fmt"
	"net/http"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "item", r.PathValue("id"))
	})
	mux.HandleFunc("/users/{user}/items", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "items of", r.PathValue("user"))
	})
	http.ListenAndServe(":8080", mux)
}
"#,
                solution_gomod: None,
                oracle: None,
                source: "https://pkg.go.dev/net/http#hdr-Precedence",
            },
            Exercise {
                id: "mux-bad-patterns",
                title: "A pattern that panics, one that never matches",
                kind: Kind::Code,
                from: "1.22",
                to: "1.22",
                gomod: "",
                start: r#"package main

import "net/http"

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET  /health", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/files/{path...}/raw", func(w http.ResponseWriter, r *http.Request) {})
	http.ListenAndServe(":8080", mux)
}
"#,
                goal: "Serve GET requests for `/health`, and raw files for any path under `/files/` (keep a `{path...}` wildcard).",
                conds: &[
                    Cond::Parses,
                    Cond::NoFinding(&[
                        "http-mux-method-whitespace",
                        "http-mux-invalid-pattern-panics",
                        "http-mux-conflicting-patterns",
                    ]),
                    Cond::CodeHas { text: "/health\"", what: "the `/health` route" },
                    Cond::CodeHas { text: "{path...}\"", what: "a `{path...}` wildcard at the end of a pattern" },
                ],
                hints: &[
                    "A method is separated from the path by spaces; with two, the mux reads the second space as the start of a host name.",
                    "A `{name...}` wildcard must be the last segment of a pattern.",
                    "Use `\"GET /health\"` and `\"/files/raw/{path...}\"`.",
                ],
                solution: r#"package main

import "net/http"

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/files/raw/{path...}", func(w http.ResponseWriter, r *http.Request) {})
	http.ListenAndServe(":8080", mux)
}
"#,
                solution_gomod: None,
                oracle: None,
                source: "https://pkg.go.dev/net/http#hdr-Patterns-ServeMux",
            },
        ],
    },
    Lesson {
        id: "godebug",
        title: "GODEBUG and the go line",
        intro: "The go line selects the default of each GODEBUG setting. A `//go:debug` line in package main, or a `godebug` line in go.mod (Go 1.23+), keeps an old behaviour while the go line moves on.",
        exercises: &[
            Exercise {
                id: "godebug-directive",
                title: "A //go:debug line copied from a blog",
                kind: Kind::Code,
                from: "1.20",
                to: "1.22",
                gomod: "",
                start: r#"//go:debug stackguard=1073741824
package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	panic(nil)
}
"#,
                goal: "The module moves from go 1.20 to go 1.22. This program relies on `recover()` returning nil after `panic(nil)` (Go 1.20 behaviour). Keep that behaviour with a valid `//go:debug` directive, without changing `main`.",
                conds: &[
                    Cond::Parses,
                    Cond::NoFinding(&["vet-go-debug-directive", "panic-nil-runtime-error"]),
                    Cond::CodeHas { text: "panic(nil)", what: "the `panic(nil)` call" },
                    Cond::CodeHas { text: "//go:debug", what: "a `//go:debug` directive" },
                ],
                hints: &[
                    "There is no `stackguard` GODEBUG setting: the build fails with `unknown //go:debug setting`.",
                    "The setting that restores the old `panic(nil)` is `panicnil=1`. vet wants a blank line between the directive and `package main`.",
                    "Replace the first line with `//go:debug panicnil=1` followed by an empty line.",
                ],
                solution: r#"//go:debug panicnil=1

package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	panic(nil)
}
"#,
                solution_gomod: None,
                oracle: Some(Oracle {
                    expect: "recovered: <nil>\n",
                    runs: &[
                        Run { toolchain: "1.21", go_line: Some("1.20") },
                        Run { toolchain: "1.22", go_line: Some("1.22") },
                    ],
                    start_differs: true,
                }),
                source: "https://go.dev/doc/godebug",
            },
            Exercise {
                id: "godebug-gomod",
                title: "A godebug line in go.mod",
                kind: Kind::Code,
                from: "1.20",
                to: "1.23",
                gomod: "module example.com/app\n\ngo 1.23\n",
                start: r#"package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	panic(nil)
}
"#,
                goal: "The same program, now moving to go 1.23. Keep the Go 1.20 `panic(nil)` behaviour for the whole module from go.mod: change neither the Go file nor the go line.",
                conds: &[
                    Cond::Parses,
                    Cond::NoFinding(&["panic-nil-runtime-error", "vet-go-debug-directive"]),
                    Cond::CodeHas { text: "panic(nil)", what: "the `panic(nil)` call" },
                    Cond::CodeLacks { text: "//go:debug", what: "a `//go:debug` line (use go.mod this time)" },
                    Cond::GoModHas { text: "go 1.23", what: "the go line `go 1.23`" },
                ],
                hints: &[
                    "Since Go 1.23, go.mod (and go.work) accept `godebug` lines; they apply to the main module's builds.",
                    "The setting is the same as in the previous exercise: `panicnil=1`.",
                    "Add the line `godebug panicnil=1` to go.mod (open the go.mod box below the editor).",
                ],
                solution: r#"package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	panic(nil)
}
"#,
                solution_gomod: Some("module example.com/app\n\ngo 1.23\n\ngodebug panicnil=1\n"),
                oracle: Some(Oracle {
                    expect: "recovered: <nil>\n",
                    runs: &[Run { toolchain: "1.23", go_line: None }],
                    start_differs: false,
                }),
                source: "https://go.dev/doc/godebug#go-123",
            },
        ],
    },
    Lesson {
        id: "goenv",
        title: "A broken go env",
        intro: "Paste what `go env` prints and the env view compares every variable with the default of that Go version. Here you edit the listing into what `go env` prints once the environment is fixed.",
        exercises: &[
            Exercise {
                id: "env-no-home",
                title: "A container without HOME",
                kind: Kind::Env,
                from: "1.21",
                to: "1.22",
                gomod: "",
                start: ENV_NO_HOME,
                goal: "This is `go env` in a minimal container (Go 1.19) with no HOME: builds fail because there is no build cache. Edit the listing to what it prints once GOCACHE and GOPATH are set to absolute paths in the image.",
                conds: &[
                    Cond::NoFinding(&["goenv-no-home", "goenv-gocache-off", "goenv-gocache-relative", "goenv-gopath-relative"]),
                    Cond::EnvAbsolute("GOCACHE"),
                    Cond::EnvAbsolute("GOPATH"),
                    Cond::EnvMinVars(20),
                ],
                hints: &[
                    "Without HOME the go command cannot derive GOCACHE (it prints `off`) nor GOPATH (empty).",
                    "In the Dockerfile: `ENV GOCACHE=/tmp/go-cache GOPATH=/go`. `go env -w` cannot help: without HOME there is no go env file.",
                    "Change the lines to `GOCACHE=\"/tmp/go-cache\"`, `GOPATH=\"/go\"` and `GOMODCACHE=\"/go/pkg/mod\"`.",
                ],
                solution: ENV_NO_HOME_FIXED,
                solution_gomod: None,
                oracle: None,
                source: "https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching",
            },
            Exercise {
                id: "env-gosumdb-off",
                title: "GOSUMDB=off for private modules",
                kind: Kind::Env,
                from: "1.21",
                to: "1.22",
                gomod: "",
                start: ENV_GOSUMDB_OFF,
                goal: "Someone set GOSUMDB=off because modules under `git.corp.example` failed checksum verification. Turn verification back on for public modules and skip it only for `git.corp.example`.",
                conds: &[
                    Cond::NoFinding(&["goenv-gosumdb-off"]),
                    Cond::EnvOneOf { name: "GOSUMDB", values: &["sum.golang.org"] },
                    Cond::EnvAnyContains {
                        names: &["GOPRIVATE", "GONOSUMDB"],
                        needle: "git.corp.example",
                        what: "`git.corp.example` listed in GOPRIVATE (or GONOSUMDB)",
                    },
                    Cond::EnvMinVars(30),
                ],
                hints: &[
                    "GOSUMDB=off disables the checksum database for every module, not only the private ones.",
                    "GOPRIVATE lists module path prefixes that are neither fetched through the proxy nor checked in the checksum database.",
                    "Set `GOSUMDB='sum.golang.org'` and `GOPRIVATE='git.corp.example'` (`go env -u GOSUMDB`, `go env -w GOPRIVATE=git.corp.example`).",
                ],
                solution: ENV_GOSUMDB_FIXED,
                solution_gomod: None,
                oracle: None,
                source: "https://go.dev/ref/mod#private-modules",
            },
            Exercise {
                id: "env-gopath-mode",
                title: "Still in GOPATH mode",
                kind: Kind::Env,
                from: "1.21",
                to: "1.22",
                gomod: "",
                start: ENV_GOPATH_MODE,
                goal: "This machine still runs the go command in legacy GOPATH mode, where Go 1.22 no longer supports `go get`. Edit the listing to module mode.",
                conds: &[
                    Cond::NoFinding(&["goenv-go111module-off", "goenv-go111module-auto", "goenv-go111module-invalid"]),
                    Cond::EnvOneOf { name: "GO111MODULE", values: &["", "on"] },
                    Cond::EnvMinVars(30),
                ],
                hints: &[
                    "GO111MODULE=off selects GOPATH mode; since Go 1.16 module mode is the default.",
                    "Remove the setting rather than setting it: `go env -u GO111MODULE` (or drop it from the shell profile).",
                    "Change the first line to `GO111MODULE=''`.",
                ],
                solution: ENV_GOPATH_MODE_FIXED,
                solution_gomod: None,
                oracle: None,
                source: "https://go.dev/doc/go1.22#go-command",
            },
        ],
    },
];

const ENV_NO_HOME: &str = r#"GO111MODULE=""
GOARCH="amd64"
GOBIN=""
GOCACHE="off"
GOENV=""
GOEXE=""
GOEXPERIMENT=""
GOFLAGS=""
GOHOSTARCH="amd64"
GOHOSTOS="linux"
GOINSECURE=""
GOMODCACHE=""
GONOPROXY=""
GONOSUMDB=""
GOOS="linux"
GOPATH=""
GOPRIVATE=""
GOPROXY="https://proxy.golang.org,direct"
GOROOT="/usr/local/go"
GOSUMDB="sum.golang.org"
GOTMPDIR=""
GOTOOLDIR="/usr/local/go/pkg/tool/linux_amd64"
GOVCS=""
GOVERSION="go1.19.8"
GCCGO="gccgo"
GOAMD64="v1"
AR="ar"
CC="gcc"
CXX="g++"
CGO_ENABLED="1"
GOMOD=""
GOWORK=""
CGO_CFLAGS="-g -O2"
CGO_CPPFLAGS=""
CGO_CXXFLAGS="-g -O2"
CGO_FFLAGS="-g -O2"
CGO_LDFLAGS="-g -O2"
PKG_CONFIG="pkg-config"
"#;

const ENV_NO_HOME_FIXED: &str = r#"GO111MODULE=""
GOARCH="amd64"
GOBIN=""
GOCACHE="/tmp/go-cache"
GOENV=""
GOEXE=""
GOEXPERIMENT=""
GOFLAGS=""
GOHOSTARCH="amd64"
GOHOSTOS="linux"
GOINSECURE=""
GOMODCACHE="/go/pkg/mod"
GONOPROXY=""
GONOSUMDB=""
GOOS="linux"
GOPATH="/go"
GOPRIVATE=""
GOPROXY="https://proxy.golang.org,direct"
GOROOT="/usr/local/go"
GOSUMDB="sum.golang.org"
GOTMPDIR=""
GOTOOLDIR="/usr/local/go/pkg/tool/linux_amd64"
GOVCS=""
GOVERSION="go1.19.8"
GCCGO="gccgo"
GOAMD64="v1"
AR="ar"
CC="gcc"
CXX="g++"
CGO_ENABLED="1"
GOMOD=""
GOWORK=""
CGO_CFLAGS="-g -O2"
CGO_CPPFLAGS=""
CGO_CXXFLAGS="-g -O2"
CGO_FFLAGS="-g -O2"
CGO_LDFLAGS="-g -O2"
PKG_CONFIG="pkg-config"
"#;

/// `go env` of go1.22.12 on linux/amd64 (`data/knowledge/goenv-samples/linux-amd64-go1.22.txt`)
/// with the lines an exercise is about as parameters.
macro_rules! env_go122 {
    ($go111module:literal, $gomod:literal, $gonosumdb:literal, $goprivate:literal, $gosumdb:literal) => {
        concat!(
            "GO111MODULE='",
            $go111module,
            "'\n",
            "GOARCH='amd64'\nGOBIN=''\nGOCACHE='/home/alice/.cache/go-build'\nGOENV='/home/alice/.config/go/env'\n",
            "GOEXE=''\nGOEXPERIMENT=''\nGOFLAGS=''\nGOHOSTARCH='amd64'\nGOHOSTOS='linux'\nGOINSECURE=''\n",
            "GOMODCACHE='/home/alice/go/pkg/mod'\n",
            // go env prints GOPRIVATE as the value of unset GONOPROXY and GONOSUMDB.
            "GONOPROXY='",
            $gonosumdb,
            "'\n",
            "GONOSUMDB='",
            $gonosumdb,
            "'\n",
            "GOOS='linux'\nGOPATH='/home/alice/go'\n",
            "GOPRIVATE='",
            $goprivate,
            "'\n",
            "GOPROXY='https://proxy.golang.org,direct'\nGOROOT='/usr/local/go'\n",
            "GOSUMDB='",
            $gosumdb,
            "'\n",
            "GOTMPDIR=''\nGOTOOLCHAIN='auto'\nGOTOOLDIR='/usr/local/go/pkg/tool/linux_amd64'\nGOVCS=''\n",
            "GOVERSION='go1.22.12'\nGCCGO='gccgo'\nGOAMD64='v1'\nAR='ar'\nCC='gcc'\nCXX='g++'\nCGO_ENABLED='1'\n",
            "GOMOD='",
            $gomod,
            "'\n",
            "GOWORK=''\nCGO_CFLAGS='-O2 -g'\nCGO_CPPFLAGS=''\nCGO_CXXFLAGS='-O2 -g'\nCGO_FFLAGS='-O2 -g'\n",
            "CGO_LDFLAGS='-O2 -g'\nPKG_CONFIG='pkg-config'\n",
        )
    };
}

const ENV_GOSUMDB_OFF: &str = env_go122!("", "/home/alice/src/hello/go.mod", "", "", "off");
const ENV_GOSUMDB_FIXED: &str =
    env_go122!("", "/home/alice/src/hello/go.mod", "git.corp.example", "git.corp.example", "sum.golang.org");
const ENV_GOPATH_MODE: &str = env_go122!("off", "", "", "", "sum.golang.org");
const ENV_GOPATH_MODE_FIXED: &str = env_go122!("", "/home/alice/src/hello/go.mod", "", "", "sum.golang.org");
