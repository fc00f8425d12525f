//! Value checks the go command performs, with Go's own error text.

use super::data;
use crate::version::GoVersion;

/// toolchain/select.go (1.21+): `local`, `auto`, `path`, `<name>`, `<name>+auto|+path`,
/// where a name is `go1.N...` or `<prefix>-go1.N...` (gover.FromToolchain).
pub fn gotoolchain(v: &str) -> Result<(), String> {
    if v.is_empty() || v == "auto" || v == "path" {
        return Ok(());
    }
    let (min, suffix, plus) = match v.split_once('+') {
        Some((a, b)) => (a, b, true),
        None => (v, "", false),
    };
    if min != "local" && toolchain_version(min).is_none() {
        if plus {
            return Err(format!("go: invalid GOTOOLCHAIN {v:?}: invalid minimum toolchain {min:?}"));
        }
        return Err(format!("go: invalid GOTOOLCHAIN {v:?}"));
    }
    if plus && suffix != "auto" && suffix != "path" {
        return Err(format!("go: invalid GOTOOLCHAIN {v:?}: only version suffixes are +auto and +path"));
    }
    Ok(())
}

/// gover.FromToolchain: `go1.21.3` → 1.21.3; `mygo-go1.21.3` too; `go1.21.3-custom` too.
pub fn toolchain_version(name: &str) -> Option<GoVersion> {
    let v = if let Some(r) = name.strip_prefix("go") { r } else { name.split_once("-go").map(|x| x.1)? };
    let v = v.split_once('-').map(|x| x.0).unwrap_or(v);
    if !v.starts_with("1.") {
        return None;
    }
    GoVersion::parse(v).ok()
}

/// internal/buildcfg value checks for the GOARCH-specific variable (Go's text).
pub fn arch_value(name: &str, v: &str, minor: u32) -> Option<String> {
    let ok = match name {
        "GOAMD64" => matches!(v, "v1" | "v2" | "v3" | "v4"),
        "GOARM" => {
            let (n, f) = v.split_once(',').unwrap_or((v, ""));
            matches!(n, "5" | "6" | "7") && (f.is_empty() || (minor >= 22 && matches!(f, "softfloat" | "hardfloat")))
        }
        "GO386" => matches!(v, "sse2" | "softfloat") || (minor <= 15 && v == "387"),
        "GOMIPS" | "GOMIPS64" => matches!(v, "hardfloat" | "softfloat"),
        "GOPPC64" => matches!(v, "power8" | "power9") || (minor >= 21 && v == "power10"),
        "GORISCV64" => matches!(v, "rva20u64" | "rva22u64") || (minor >= 25 && v == "rva23u64"),
        "GOARM64" => {
            let mut it = v.split(',');
            let base = it.next().unwrap_or("");
            let base_ok = base
                .strip_prefix("v8.")
                .map(|d| d.len() == 1 && d.as_bytes()[0].is_ascii_digit())
                .or_else(|| base.strip_prefix("v9.").map(|d| d.len() == 1 && (b'0'..=b'5').contains(&d.as_bytes()[0])))
                .unwrap_or(false);
            base_ok && it.all(|x| x == "lse" || x == "crypto")
        }
        "GOWASM" => v.split(',').all(|f| f.is_empty() || f == "satconv" || f == "signext"),
        _ => true,
    };
    if ok {
        return None;
    }
    Some(match name {
        "GOAMD64" => "go: invalid GOAMD64: must be v1, v2, v3, v4".to_string(),
        "GOARM" if minor >= 22 => {
            "go: invalid GOARM: must start with 5, 6, or 7, and may optionally end in either \",hardfloat\" or \",softfloat\""
                .to_string()
        }
        "GOARM" => "go: invalid GOARM: must be 5, 6, 7".to_string(),
        // Not checked by the go command; the compiler says (go1.23, [verified]):
        "GO386" => format!("unsupported setting GO386={v}. Consider using GO386=softfloat instead."),
        "GOMIPS" | "GOMIPS64" => format!("go: invalid {name}: must be hardfloat, softfloat"),
        "GOPPC64" if minor >= 21 => "go: invalid GOPPC64: must be power8, power9, power10".to_string(),
        "GOPPC64" => "go: invalid GOPPC64: must be power8, power9".to_string(),
        "GORISCV64" if minor >= 25 => "go: invalid GORISCV64: must be rva20u64, rva22u64, rva23u64".to_string(),
        "GORISCV64" => "go: invalid GORISCV64: must be rva20u64, rva22u64".to_string(),
        "GOARM64" => {
            "go: invalid GOARM64: must start with v8.{0-9} or v9.{0-5} and may optionally end in \",lse\" and/or \",crypto\""
                .to_string()
        }
        "GOWASM" => {
            let bad = v.split(',').find(|f| !f.is_empty() && *f != "satconv" && *f != "signext").unwrap_or(v);
            format!("go: invalid GOWASM: no such feature {bad:?}")
        }
        _ => format!("go: invalid {name}"),
    })
}

/// buildcfg.ParseGOEXPERIMENT: the first unknown name (with a leading `no` stripped, as Go
/// reports it), or None. `none` resets the list.
pub fn goexperiment(v: &str, minor: u32) -> Option<String> {
    for item in v.split(',') {
        let item = item.trim();
        if item.is_empty() || item == "none" {
            continue;
        }
        let name = item.strip_prefix("no").unwrap_or(item);
        if !data::experiment_known(name, minor) && !data::experiment_known(item, minor) {
            return Some(name.to_string());
        }
    }
    None
}

/// GOPROXY entries with their separators: (entry, separator before it).
pub fn goproxy_entries(v: &str) -> Vec<(String, Option<char>)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut sep: Option<char> = None;
    for c in v.chars() {
        if c == ',' || c == '|' {
            out.push((cur.trim().to_string(), sep));
            cur.clear();
            sep = Some(c);
        } else {
            cur.push(c);
        }
    }
    out.push((cur.trim().to_string(), sep));
    out.retain(|(e, _)| !e.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toolchain_syntax() {
        assert!(gotoolchain("local").is_ok());
        assert!(gotoolchain("go1.22.3").is_ok());
        assert!(gotoolchain("go1.22.3+auto").is_ok());
        assert!(gotoolchain("local+path").is_ok());
        assert_eq!(gotoolchain("banana").unwrap_err(), "go: invalid GOTOOLCHAIN \"banana\"");
        assert_eq!(
            gotoolchain("go1.21.0+foo").unwrap_err(),
            "go: invalid GOTOOLCHAIN \"go1.21.0+foo\": only version suffixes are +auto and +path"
        );
        assert!(goexperiment("loopvar", 21).is_none());
        assert_eq!(goexperiment("nosuch", 22).as_deref(), Some("such"));
        assert!(goexperiment("noloopvar", 22).is_none());
        assert!(arch_value("GOAMD64", "v5", 22).is_some());
        assert!(arch_value("GOARM", "7,softfloat", 22).is_none());
    }
}
