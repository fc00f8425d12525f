//! The run-time facts the mux rules state, checked against the real toolchains: which
//! requests reach which route under the Go 1.21 mux (go.mod go 1.21) and the Go 1.22 mux
//! (go 1.22), with the Go 1.22 and Go 1.23 pattern parsers. Each line is
//! "request -> status route id=PathValue". Skipped with a message when go1.22 is missing.

mod support;

use std::path::{Path, PathBuf};
use support::gotool::{go_command, stdout_or_stderr, write_module};

const PROGRAM: &str = r#"package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
)

func main() {
	mux := http.NewServeMux()
	for _, p := range []string{"GET /get", "/items/{id}", "/%61", "/a%2Fb", "GET  /two", "POST\t/tab", "/docs/{$}"} {
		p := p
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, "%q id=%q", p, r.PathValue("id"))
		})
	}
	for _, u := range [][2]string{{"GET", "/get"}, {"GET", "/items/42"}, {"GET", "/items/%7Bid%7D"}, {"GET", "/a"}, {"GET", "/%2561"}, {"GET", "/a%2Fb"}, {"GET", "/a/b"}, {"GET", "/two"}, {"POST", "/tab"}, {"GET", "/docs/"}} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(u[0], u[1], nil))
		body := rec.Body.String()
		if rec.Code == 404 {
			body = ""
		}
		fmt.Printf("%s %s -> %d %s\n", u[0], u[1], rec.Code, body)
	}
}
"#;

fn run(go: &Path, dir: &Path, module: &str) -> Result<String, String> {
    let m = dir.join(format!("m{module}"));
    write_module(&m, "m", module, PROGRAM).map_err(|e| e.to_string())?;
    stdout_or_stderr(go_command(go, &m, dir).args(["run", "."]).env_remove("GODEBUG"))
}

#[test]
fn servemux_behaviour_matches_what_the_rules_say() {
    let go122 = Path::new("/usr/lib/go-1.22/bin/go");
    if !go122.exists() {
        println!("mux_behaviour_oracle: SKIPPED, {} not found", go122.display());
        return;
    }
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mux-behaviour-oracle");
    // Go 1.21 mux: every pattern is literal text; a method prefix is a host; PathValue is "".
    let old = run(go122, &tmp.join("122"), "1.21").expect("go1.22 runs");
    assert_eq!(
        old,
        "GET /get -> 404 \n\
         GET /items/42 -> 404 \n\
         GET /items/%7Bid%7D -> 200 \"/items/{id}\" id=\"\"\n\
         GET /a -> 404 \n\
         GET /%2561 -> 200 \"/%61\" id=\"\"\n\
         GET /a%2Fb -> 404 \n\
         GET /a/b -> 404 \n\
         GET /two -> 404 \n\
         POST /tab -> 404 \n\
         GET /docs/ -> 404 \n"
    );
    // Go 1.22 mux with the Go 1.22 parser: "GET  /two" (host " ") and "POST\t/tab" (host
    // "POST\t") never match.
    let new122 = run(go122, &tmp.join("122"), "1.22").expect("go1.22 runs");
    assert_eq!(
        new122,
        "GET /get -> 200 \"GET /get\" id=\"\"\n\
         GET /items/42 -> 200 \"/items/{id}\" id=\"42\"\n\
         GET /items/%7Bid%7D -> 200 \"/items/{id}\" id=\"{id}\"\n\
         GET /a -> 200 \"/%61\" id=\"\"\n\
         GET /%2561 -> 404 \n\
         GET /a%2Fb -> 200 \"/a%2Fb\" id=\"\"\n\
         GET /a/b -> 404 \n\
         GET /two -> 404 \n\
         POST /tab -> 404 \n\
         GET /docs/ -> 200 \"/docs/{$}\" id=\"\"\n"
    );
    let go123 = Path::new("/usr/lib/go-1.23/bin/go");
    if go123.exists() {
        // Go 1.23 accepts several spaces or a tab after the method.
        let new123 = run(go123, &tmp.join("123"), "1.22").expect("go1.23 runs");
        assert_eq!(
            new123,
            new122
                .replace("GET /two -> 404 ", "GET /two -> 200 \"GET  /two\" id=\"\"")
                .replace("POST /tab -> 404 ", "POST /tab -> 200 \"POST\\t/tab\" id=\"\"")
        );
    } else {
        println!("mux_behaviour_oracle: go1.23 not installed, its part skipped");
    }
}
