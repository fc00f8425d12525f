//! The examples menu: one program per rule family, each with the versions that make it
//! interesting. The sources live in `www/examples/` (plain Go files).

pub struct Example {
    pub id: &'static str,
    pub label: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub code: &'static str,
}

pub const DEFAULT: &Example = &ALL[0];

pub const ALL: &[Example] = &[
    Example {
        id: "range",
        label: "range over int (Go 1.22 syntax)",
        from: "1.21",
        to: "1.22",
        code: include_str!("../../www/examples/range.go"),
    },
    Example {
        id: "loopvar",
        label: "loop variables captured by closures",
        from: "1.21",
        to: "1.22",
        code: include_str!("../../www/examples/loopvar.go"),
    },
    Example {
        id: "mux",
        label: "net/http ServeMux patterns",
        from: "1.21",
        to: "1.22",
        code: include_str!("../../www/examples/mux.go"),
    },
    Example {
        id: "tls",
        label: "crypto/tls server defaults",
        from: "1.21",
        to: "1.22",
        code: include_str!("../../www/examples/tls.go"),
    },
    Example {
        id: "rand",
        label: "math/rand Seed and Read",
        from: "1.21",
        to: "1.24",
        code: include_str!("../../www/examples/rand.go"),
    },
    Example {
        id: "vet",
        label: "go vet checks new in 1.22",
        from: "1.21",
        to: "1.22",
        code: include_str!("../../www/examples/vet.go"),
    },
    Example {
        id: "builtins",
        label: "min, max and clear builtins",
        from: "1.20",
        to: "1.21",
        code: include_str!("../../www/examples/builtins.go"),
    },
    Example {
        id: "panicnil",
        label: "panic(nil) in Go 1.21",
        from: "1.20",
        to: "1.21",
        code: include_str!("../../www/examples/panicnil.go"),
    },
];

pub fn by_id(id: &str) -> Option<&'static Example> {
    ALL.iter().find(|e| e.id == id)
}
