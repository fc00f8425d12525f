//! The myth-or-fact deck: the claims of `data/knowledge/seed-claims.md` (a fact-checked list
//! of statements from popular articles), parsed at start-up from the embedded file. Each
//! table row `| letter | claim | **VERDICT** note |` becomes a card; its evidence is the
//! `**(letter) VERDICT.**` paragraph of the Details section (the text after the bold
//! header, then each `- ` bullet). Pure: no DOM.

pub const SEED_CLAIMS: &str = include_str!("../../../data/knowledge/seed-claims.md");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    True,
    False,
    Partly,
}

impl Verdict {
    pub fn parse(s: &str) -> Option<Verdict> {
        match s {
            "TRUE" => Some(Verdict::True),
            "FALSE" => Some(Verdict::False),
            "PARTLY" => Some(Verdict::Partly),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Verdict::True => "fact",
            Verdict::False => "myth",
            Verdict::Partly => "partly",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::True => "Fact",
            Verdict::False => "Myth",
            Verdict::Partly => "Partly true",
        }
    }

    pub fn from_key(k: &str) -> Option<Verdict> {
        [Verdict::True, Verdict::False, Verdict::Partly].into_iter().find(|v| v.key() == k)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The row's letter: `a`, `b`, ...
    pub letter: String,
    /// The claim, with inline `code` in backquotes.
    pub text: String,
    pub verdict: Verdict,
    /// What follows the bold verdict in the table (e.g. `(since 1.14)`), may be empty.
    pub qualifier: String,
    /// The evidence: paragraphs and bullets of the Details section, in order.
    pub evidence: Vec<String>,
}

/// A live example: `go env`-view text on which the product shows something true about the
/// claim (the env view's check `check` fires; `tests/workshop_lessons.rs` verifies it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Live {
    pub letter: &'static str,
    pub env: &'static str,
    pub check: &'static str,
    pub label: &'static str,
}

pub const LIVE: &[Live] = &[
    Live {
        letter: "a",
        env: "GODEBUG='stackguard=1073741824'\n",
        check: "goenv-godebug-stackguard",
        label: "Paste GODEBUG=stackguard=1073741824 into the go env view",
    },
    Live {
        letter: "i",
        env: "$ go build -gcflags=-d=experiments=on ./...\n",
        check: "goenv-myth-experiments-debug-flag",
        label: "Paste the -d=experiments command into the go env view",
    },
    Live {
        letter: "k",
        env: "$ go clean -cache -modcache=off\n",
        check: "goenv-myth-modcache-off",
        label: "Paste the go clean command into the go env view",
    },
    Live {
        letter: "n",
        env: "$ go list -deps -f '{{.ImportPath}} {{.GoVersion}}' .\n",
        check: "goenv-myth-list-goversion",
        label: "Paste the go list command into the go env view",
    },
    Live {
        letter: "o",
        env: "$ go vet -vettool=$(which go tool vet) ./...\n",
        check: "goenv-myth-vettool",
        label: "Paste the go vet command into the go env view",
    },
];

pub fn live(letter: &str) -> Option<&'static Live> {
    LIVE.iter().find(|l| l.letter == letter)
}

/// Every claim of the table, in order, with its details. Rows that do not parse are
/// skipped (the native test checks that none is).
pub fn parse(md: &str) -> Vec<Claim> {
    let mut claims = Vec::new();
    let mut lines = md.lines().peekable();
    // The table: rows `| x | claim | **VERDICT** rest |` until the first non-table line.
    for l in lines.by_ref() {
        if l.starts_with("|---") || l.starts_with("| ---") {
            break;
        }
    }
    while let Some(l) = lines.next_if(|l| l.starts_with('|')) {
        if let Some(c) = parse_row(l) {
            claims.push(c);
        }
    }
    // Details: `**(x) VERDICT.** text` then `- bullet` lines until the next header or section.
    let mut current: Option<usize> = None;
    for l in lines {
        let t = l.trim_end();
        if t.starts_with("## ") {
            if current.is_some() {
                break;
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix("**(") {
            current = None;
            let Some((letter, after)) = rest.split_once(')') else { continue };
            let Some(close) = after.find("**") else { continue };
            let body = after[close + 2..].trim();
            if let Some(i) = claims.iter().position(|c| c.letter == letter) {
                current = Some(i);
                if !body.is_empty() {
                    claims[i].evidence.push(body.to_string());
                }
            }
            continue;
        }
        let Some(i) = current else { continue };
        if let Some(b) = t.strip_prefix("- ") {
            claims[i].evidence.push(b.trim().to_string());
        } else if !t.trim().is_empty() {
            // A continuation line of the previous paragraph or bullet.
            if let Some(last) = claims[i].evidence.last_mut() {
                last.push(' ');
                last.push_str(t.trim());
            }
        }
    }
    claims
}

fn parse_row(l: &str) -> Option<Claim> {
    let inner = l.trim().strip_prefix('|')?.strip_suffix('|')?;
    let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
    // A claim may itself contain `|` inside backquotes; the letter is first, the verdict last.
    if cells.len() < 3 {
        return None;
    }
    let letter = cells[0];
    if letter.is_empty() || !letter.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let verdict_cell = cells[cells.len() - 1];
    let text = cells[1..cells.len() - 1].join(" | ");
    let v = verdict_cell.strip_prefix("**")?;
    let (word, rest) = v.split_once("**")?;
    Some(Claim {
        letter: letter.to_string(),
        text,
        verdict: Verdict::parse(word.trim())?,
        qualifier: rest.trim().to_string(),
        evidence: Vec::new(),
    })
}

/// The number of claim rows in the table (for the native test: rows starting `| x |`).
#[allow(dead_code)]
pub fn table_rows(md: &str) -> usize {
    md.lines()
        .filter(|l| {
            let mut cells = l.trim().trim_start_matches('|').split('|');
            let first = cells.next().map(str::trim).unwrap_or("");
            l.starts_with('|') && !first.is_empty() && first.chars().all(|c| c.is_ascii_lowercase())
        })
        .count()
}
