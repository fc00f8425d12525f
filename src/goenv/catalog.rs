//! Every check [`super::checks`] can report, for the rule pages: its id, a one-line title and
//! an example paste that makes it fire. The text a page shows (severity, what, why, what to
//! do, the go.dev source, the fix) is not repeated here: the page runs the example through
//! [`super::analyze`] and shows the finding the check itself writes, so it cannot drift.
//! `tests/site.rs` checks that every example yields its check and that every id the checks
//! can emit is listed here.

/// A `go env` paste that makes a check fire.
#[derive(Debug, Clone, Copy)]
pub enum Paste {
    /// Exactly this text (a partial listing such as `go env -changed`, or commands).
    Text(&'static str),
    /// A complete go1.22 `go env` listing (Linux/amd64, defaults) with these values replaced.
    Full(&'static [(&'static str, &'static str)]),
}

/// One check of the `go env` view.
#[derive(Debug, Clone, Copy)]
pub struct EnvCheck {
    /// The finding id (`goenv-gosumdb-off`).
    pub id: &'static str,
    /// One line for the index.
    pub title: &'static str,
    pub paste: Paste,
    /// go.mod text shown with the paste (checks comparing the go line with GOTOOLCHAIN).
    pub gomod: Option<&'static str>,
}

/// `go env` of go1.22.12 on Linux/amd64 with nothing changed (as in
/// `data/knowledge/goenv-samples/linux-amd64-go1.22.txt`, without its comment header).
const FULL_GO122: &str = "GO111MODULE=''
GOARCH='amd64'
GOBIN=''
GOCACHE='/home/alice/.cache/go-build'
GOENV='/home/alice/.config/go/env'
GOEXE=''
GOEXPERIMENT=''
GOFLAGS=''
GOHOSTARCH='amd64'
GOHOSTOS='linux'
GOINSECURE=''
GOMODCACHE='/home/alice/go/pkg/mod'
GONOPROXY=''
GONOSUMDB=''
GOOS='linux'
GOPATH='/home/alice/go'
GOPRIVATE=''
GOPROXY='https://proxy.golang.org,direct'
GOROOT='/usr/local/go'
GOSUMDB='sum.golang.org'
GOTMPDIR=''
GOTOOLCHAIN='auto'
GOTOOLDIR='/usr/local/go/pkg/tool/linux_amd64'
GOVCS=''
GOVERSION='go1.22.12'
GCCGO='gccgo'
GOAMD64='v1'
AR='ar'
CC='gcc'
CXX='g++'
CGO_ENABLED='1'
GOMOD='/home/alice/src/hello/go.mod'
GOWORK=''
CGO_CFLAGS='-O2 -g'
CGO_CPPFLAGS=''
CGO_CXXFLAGS='-O2 -g'
CGO_FFLAGS='-O2 -g'
CGO_LDFLAGS='-O2 -g'
PKG_CONFIG='pkg-config'
GOGCCFLAGS='-fPIC -m64 -pthread -Wl,--no-gc-sections -fmessage-length=0 -ffile-prefix-map=/tmp/go-build779053563=/tmp/go-build -gno-record-gcc-switches'
";

impl Paste {
    /// The paste's text.
    pub fn text(&self) -> String {
        match self {
            Paste::Text(t) => t.to_string(),
            Paste::Full(set) => FULL_GO122
                .lines()
                .map(|l| {
                    let name = l.split('=').next().unwrap_or("");
                    match set.iter().find(|(n, _)| *n == name) {
                        Some((n, v)) => format!("{n}='{v}'\n"),
                        None => format!("{l}\n"),
                    }
                })
                .collect(),
        }
    }
}

macro_rules! partial {
    ($($line:literal),* $(,)?) => {
        Paste::Text(concat!("GOVERSION='go1.22.1'\n", $($line, "\n"),*))
    };
}

const fn check(id: &'static str, title: &'static str, paste: Paste) -> EnvCheck {
    EnvCheck { id, title, paste, gomod: None }
}

/// Every check, in the order of the checks' code.
pub static ALL: &[EnvCheck] = &[
    check("goenv-gosumdb-off", "GOSUMDB=off turns off checksum verification", partial!("GOSUMDB='off'")),
    check("goenv-gonosumdb", "GONOSUMDB skips checksum verification for matching modules", partial!("GONOSUMDB='*'")),
    check("goenv-goflags-insecure", "-insecure in GOFLAGS (removed in go1.17)", partial!("GOFLAGS='-insecure'")),
    check(
        "goenv-myth-experiments-debug-flag",
        "Myth: -d=experiments selects toolchain experiments",
        partial!("GOFLAGS='-gcflags=all=-d=experiments=on'"),
    ),
    check("goenv-goinsecure", "GOINSECURE allows fetches without TLS", partial!("GOINSECURE='*'")),
    check("goenv-goproxy-empty", "GOPROXY is empty", partial!("GOPROXY=''", "GOSUMDB='sum.golang.org'")),
    check("goenv-goproxy-off", "GOPROXY=off: no module downloads", partial!("GOPROXY='off'")),
    check("goenv-goproxy-direct", "GOPROXY=direct bypasses every module proxy", partial!("GOPROXY='direct'")),
    check(
        "goenv-goproxy-http",
        "A module proxy over plain HTTP",
        partial!("GOPROXY='http://proxy.corp.example,direct'"),
    ),
    check(
        "goenv-goproxy-scheme",
        "A GOPROXY entry with an unsupported scheme",
        partial!("GOPROXY='ftp://proxy.corp.example'"),
    ),
    check(
        "goenv-goproxy-pipe",
        "`|` in GOPROXY falls back on any error",
        partial!("GOPROXY='https://proxy.corp.example|https://proxy.golang.org|direct'"),
    ),
    check(
        "goenv-goproxy-unreachable",
        "GOPROXY entries after direct or off are never used",
        partial!("GOPROXY='direct,https://proxy.golang.org'"),
    ),
    check(
        "goenv-go-env-missing",
        "The defaults of $GOROOT/go.env are missing",
        Paste::Full(&[("GOPROXY", ""), ("GOSUMDB", ""), ("GOTOOLCHAIN", "")]),
    ),
    check("goenv-go111module-redundant", "GO111MODULE=on is the default", partial!("GO111MODULE='on'")),
    check("goenv-go111module-off", "GO111MODULE=off: legacy GOPATH mode", partial!("GO111MODULE='off'")),
    check(
        "goenv-go111module-auto",
        "GO111MODULE=auto: module mode only inside a module",
        partial!("GO111MODULE='auto'"),
    ),
    check("goenv-go111module-invalid", "An invalid GO111MODULE value", partial!("GO111MODULE='yes'")),
    check("goenv-no-home", "HOME is not set", partial!("GOCACHE='off'", "GOENV=''", "GOPATH=''")),
    check("goenv-gocache-off", "GOCACHE=off (rejected since go1.12)", partial!("GOCACHE='off'")),
    check("goenv-gocache-relative", "A relative GOCACHE", partial!("GOCACHE='.cache/go-build'")),
    check("goenv-gopath-tilde", "A literal ~ in GOPATH", partial!("GOPATH='~/go'")),
    check("goenv-gopath-relative", "A relative GOPATH entry", partial!("GOPATH='go'")),
    check(
        "goenv-gopath-goroot",
        "GOPATH is the Go installation",
        partial!("GOPATH='/usr/local/go'", "GOROOT='/usr/local/go'"),
    ),
    check("goenv-goroot-missing", "GOROOT is empty", partial!("GOROOT=''")),
    check(
        "goenv-goroot-toolchain-module",
        "GOROOT inside the module cache (a switched toolchain)",
        partial!("GOROOT='/home/alice/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.23.4.linux-amd64'"),
    ),
    check("goenv-gotoolchain-invalid", "An invalid GOTOOLCHAIN value", partial!("GOTOOLCHAIN='latest'")),
    EnvCheck {
        id: "goenv-gotoolchain-switch",
        title: "The go line makes the go command download a newer toolchain",
        paste: partial!("GOTOOLCHAIN='auto'"),
        gomod: Some("module example.com/hello\n\ngo 1.23.0\n"),
    },
    EnvCheck {
        id: "goenv-gotoolchain-too-old",
        title: "GOTOOLCHAIN forbids the toolchain the go line needs",
        paste: partial!("GOTOOLCHAIN='local'"),
        gomod: Some("module example.com/hello\n\ngo 1.23.0\n"),
    },
    check("goenv-goexperiment-unknown", "An unknown GOEXPERIMENT name", partial!("GOEXPERIMENT='fastloops'")),
    check(
        "goenv-goexperiment-loopvar",
        "GOEXPERIMENT=loopvar",
        Paste::Text("GOVERSION='go1.21.13'\nGOEXPERIMENT='loopvar'\n"),
    ),
    check("goenv-godebug-stackguard", "Myth: GODEBUG=stackguard", partial!("GODEBUG='stackguard=1'")),
    check("goenv-godebug-removed", "A GODEBUG key that was removed", partial!("GODEBUG='x509sha1=1'")),
    check("goenv-godebug-unknown-key", "A GODEBUG key Go does not know", partial!("GODEBUG='gctraces=1'")),
    check("goenv-arch-invalid", "An invalid GOAMD64/GOARM/... value", partial!("GOAMD64='v5'")),
    check("goenv-goamd64-level", "GOAMD64 above v1 needs newer CPUs", partial!("GOAMD64='v3'")),
    check("goenv-cgo-enabled-invalid", "CGO_ENABLED other than 0 or 1", partial!("CGO_ENABLED='yes'")),
    check("goenv-cgo-disabled", "cgo is off", partial!("CGO_ENABLED='0'")),
    check(
        "goenv-unsupported-platform",
        "A GOOS/GOARCH pair Go does not support",
        partial!("GOOS='windows'", "GOARCH='mips'"),
    ),
    check("goenv-myth-modcache-off", "Myth: go clean -modcache=off", Paste::Text("$ go clean -modcache=off\n")),
    check(
        "goenv-myth-go-experimental",
        "Myth: a //go:experimental directive",
        Paste::Text("# Put //go:experimental above a function to opt into an experiment\n"),
    ),
    check(
        "goenv-myth-vettool",
        "Myth: go vet -vettool=$(which go tool vet)",
        Paste::Text("$ go vet -vettool=$(which go tool vet) ./...\n"),
    ),
    check(
        "goenv-myth-list-goversion",
        "Myth: a GoVersion field on packages in go list",
        Paste::Text("$ go list -f '{{.GoVersion}}' ./...\n"),
    ),
    check(
        "goenv-myth-initmodflag",
        "Myth: initModFlag() in the go command",
        Paste::Text("# initModFlag() in cmd/go makes GO111MODULE=on the default\n"),
    ),
    check(
        "goenv-myth-shareable-cache",
        "Myth: a shareable read-only cache layer",
        Paste::Text("# Go 1.21 makes GOCACHE a shareable read-only cache layer\n"),
    ),
    check(
        "goenv-go-error",
        "An error of the go command in the paste",
        Paste::Text("$ go env\ngo: unknown environment setting GO111MODULE=yes\n"),
    ),
];

/// The catalog entry for `id`.
pub fn by_id(id: &str) -> Option<&'static EnvCheck> {
    ALL.iter().find(|c| c.id == id)
}
