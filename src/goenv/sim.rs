//! A model of how the go command computes what `go env` prints, per release 1.11..newest.
//!
//! Sources (go1.23.5 unless noted; per-version facts from goenv-vars.tsv/goenv-history.md):
//! * src/cmd/go/internal/envcmd/env.go — MkEnv (order, Changed flags), ExtraEnvVars (GOMOD,
//!   GOWORK), ExtraEnvVarsCostly (CGO_*FLAGS, PKG_CONFIG, GOGCCFLAGS), runEnv (fatal checks).
//! * src/cmd/go/internal/cfg/cfg.go — Getenv lookup order (OS env > GOENV file > $GOROOT/go.env),
//!   EnvOrAndChanged, defaultContext (GOPATH, the CGO_ENABLED rules incl. the 1.20 no-C-compiler rule).
//! * src/cmd/go/main.go — GOPATH checks; toolchain/select.go — GOTOOLCHAIN syntax.
//! * src/cmd/go/internal/cache/default.go — GOCACHE (DefaultDir).
//! * src/os/file.go — UserCacheDir / UserConfigDir per OS; go/build defaultGOPATH.

use super::data;
use super::validate;
use serde::{Deserialize, Serialize};

/// What the simulated go command sees besides the variables: the machine and the toolchain.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Context {
    /// Go minor version (22 for go1.22.x).
    pub minor: u32,
    /// Full version string if known (`go1.22.12`).
    pub version: Option<String>,
    pub host_os: String,
    pub host_arch: String,
    /// $HOME (%USERPROFILE% on Windows, $home on Plan 9); None = unset.
    pub home: Option<String>,
    pub xdg_cache_home: Option<String>,
    pub xdg_config_home: Option<String>,
    /// %LocalAppData% / %AppData% on Windows (default: under `home`).
    pub local_app_data: Option<String>,
    pub app_data: Option<String>,
    pub goroot: String,
    /// `$GOROOT/go.env` is present with the upstream content (1.21+). Distributions that
    /// delete it make GOPROXY/GOSUMDB/GOTOOLCHAIN empty.
    pub goroot_go_env: bool,
    /// The default C compiler (gcc/clang) is in PATH (the 1.20 CGO_ENABLED rule).
    pub cc_in_path: bool,
    /// Full path of gccgo if it is in PATH (GCCGO then prints it and counts as changed).
    pub gccgo_path: Option<String>,
    /// Toolchain build-time defaults from cmd/dist that differ from upstream
    /// (e.g. Debian's amd64 build sets GO386=softfloat; Debian go1.19 GOARM=5).
    pub toolchain_defaults: Vec<(String, String)>,
    /// go.mod found from the working directory (its path), for GOMOD.
    pub gomod_path: Option<String>,
    /// GOTELEMETRY mode file content (1.23+), default `local`.
    pub telemetry_mode: Option<String>,
}

impl Context {
    pub fn new(minor: u32, host_os: &str, host_arch: &str, home: Option<&str>, goroot: &str) -> Self {
        Context {
            minor,
            version: None,
            host_os: host_os.to_string(),
            host_arch: host_arch.to_string(),
            home: home.map(str::to_string),
            xdg_cache_home: None,
            xdg_config_home: None,
            local_app_data: None,
            app_data: None,
            goroot: goroot.to_string(),
            goroot_go_env: true,
            cc_in_path: true,
            gccgo_path: None,
            toolchain_defaults: Vec::new(),
            gomod_path: None,
            telemetry_mode: None,
        }
    }

    fn sep(&self) -> char {
        if self.host_os == "windows" {
            '\\'
        } else {
            '/'
        }
    }

    pub fn join(&self, base: &str, parts: &[&str]) -> String {
        let mut s = base.trim_end_matches(self.sep()).to_string();
        for p in parts {
            s.push(self.sep());
            s.push_str(p);
        }
        s
    }

    fn list_sep(&self) -> char {
        if self.host_os == "windows" {
            ';'
        } else {
            ':'
        }
    }

    pub fn is_abs(&self, p: &str) -> bool {
        // Placeholders used when a paste does not show the home directory.
        if p.starts_with("$HOME") || p.starts_with("%USERPROFILE%") {
            return true;
        }
        if self.host_os == "windows" {
            let b = p.as_bytes();
            (b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && (b[2] == b'\\' || b[2] == b'/'))
                || p.starts_with("\\\\")
        } else {
            p.starts_with('/')
        }
    }

    /// os.UserCacheDir (src/os/file.go).
    pub fn user_cache_dir(&self) -> Result<String, String> {
        match self.host_os.as_str() {
            "windows" => self
                .local_app_data
                .clone()
                .or_else(|| self.home.as_ref().map(|h| self.join(h, &["AppData", "Local"])))
                .ok_or_else(|| "%LocalAppData% is not defined".to_string()),
            "darwin" | "ios" => self
                .home
                .as_ref()
                .map(|h| self.join(h, &["Library", "Caches"]))
                .ok_or_else(|| "$HOME is not defined".to_string()),
            "plan9" => self
                .home
                .as_ref()
                .map(|h| self.join(h, &["lib", "cache"]))
                .ok_or_else(|| "$home is not defined".to_string()),
            _ => match (&self.xdg_cache_home, &self.home) {
                (Some(x), _) if x.starts_with('/') => Ok(x.clone()),
                (Some(_), _) => Err("path in $XDG_CACHE_HOME is relative".into()),
                (None, Some(h)) => Ok(self.join(h, &[".cache"])),
                (None, None) => Err("neither $XDG_CACHE_HOME nor $HOME are defined".into()),
            },
        }
    }

    /// os.UserConfigDir (src/os/file.go).
    pub fn user_config_dir(&self) -> Result<String, String> {
        match self.host_os.as_str() {
            "windows" => self
                .app_data
                .clone()
                .or_else(|| self.home.as_ref().map(|h| self.join(h, &["AppData", "Roaming"])))
                .ok_or_else(|| "%AppData% is not defined".to_string()),
            "darwin" | "ios" => self
                .home
                .as_ref()
                .map(|h| self.join(h, &["Library", "Application Support"]))
                .ok_or_else(|| "$HOME is not defined".to_string()),
            "plan9" => {
                self.home.as_ref().map(|h| self.join(h, &["lib"])).ok_or_else(|| "$home is not defined".to_string())
            }
            _ => match (&self.xdg_config_home, &self.home) {
                (Some(x), _) if x.starts_with('/') => Ok(x.clone()),
                (Some(_), _) => Err("path in $XDG_CONFIG_HOME is relative".into()),
                (None, Some(h)) => Ok(self.join(h, &[".config"])),
                (None, None) => Err("neither $XDG_CONFIG_HOME nor $HOME are defined".into()),
            },
        }
    }

    fn toolchain_default(&self, name: &str) -> Option<&str> {
        self.toolchain_defaults.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Variables as set by the user: the OS environment and the `go env -w` file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Settings {
    pub os_env: Vec<(String, String)>,
    pub env_file: Vec<(String, String)>,
}

impl Settings {
    pub fn os(pairs: &[(&str, &str)]) -> Self {
        Settings { os_env: pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(), env_file: vec![] }
    }
    fn os_get(&self, k: &str) -> Option<&str> {
        self.os_env.iter().rev().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnvVar {
    pub name: String,
    pub value: String,
    /// Would `go env -changed` (1.23 rules) list it.
    pub changed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SimOutput {
    pub vars: Vec<EnvVar>,
    /// The fatal error a full `go env` would stop with (Go's text), if any.
    pub fatal: Option<String>,
    /// Warnings the go command prints to stderr.
    pub warnings: Vec<String>,
}

impl SimOutput {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars.iter().find(|v| v.name == name).map(|v| v.value.as_str())
    }
}

/// The upstream `$GOROOT/go.env` (1.21+; commit 7aa85e0137).
pub const GO_ENV_FILE: &[(&str, &str)] =
    &[("GOPROXY", "https://proxy.golang.org,direct"), ("GOSUMDB", "sum.golang.org"), ("GOTOOLCHAIN", "auto")];

/// Built-in default C compiler (cfg.DefaultCC): 1.21+ clang for these targets (commit
/// 8a27154bcd); before, the toolchain's build host decided (official darwin builds: clang).
pub fn default_cc(minor: u32, goos: &str, host_os: &str, cxx: bool) -> &'static str {
    let clang = if minor >= 21 {
        matches!(goos, "darwin" | "ios" | "freebsd" | "openbsd")
    } else {
        matches!(host_os, "darwin" | "freebsd" | "openbsd")
    };
    match (clang, cxx) {
        (true, false) => "clang",
        (true, true) => "clang++",
        (false, false) => "gcc",
        (false, true) => "g++",
    }
}

/// Default CGO_CFLAGS/CXXFLAGS/FFLAGS/LDFLAGS (commit 213504e543, go1.20).
pub fn default_cflags(minor: u32) -> &'static str {
    if minor >= 20 {
        "-O2 -g"
    } else {
        "-g -O2"
    }
}

/// Platforms where cgo is supported (internal/platform CgoSupported) for the OSes we model.
fn cgo_supported(goos: &str, goarch: &str) -> bool {
    match goos {
        "linux" => matches!(
            goarch,
            "386"
                | "amd64"
                | "arm"
                | "arm64"
                | "loong64"
                | "mips"
                | "mipsle"
                | "mips64"
                | "mips64le"
                | "ppc64le"
                | "riscv64"
                | "s390x"
        ),
        "darwin" => matches!(goarch, "amd64" | "arm64"),
        "windows" => matches!(goarch, "386" | "amd64" | "arm64"),
        "freebsd" | "netbsd" | "openbsd" => matches!(goarch, "386" | "amd64" | "arm" | "arm64"),
        "android" | "ios" | "dragonfly" | "illumos" | "solaris" | "aix" => true,
        _ => false,
    }
}

/// The GOARCH-specific variable and its built-in default (cfg.GetArchEnv, buildcfg).
pub fn arch_var(minor: u32, goarch: &str, ctx: &Context) -> Option<(&'static str, String)> {
    let (name, default): (&'static str, String) = match goarch {
        "arm" => (
            "GOARM",
            match ctx.toolchain_default("GOARM") {
                Some(v) => v.to_string(),
                None if (22..=23).contains(&minor) => "7,hardfloat".into(),
                None => "7".into(),
            },
        ),
        "arm64" if minor >= 23 => ("GOARM64", "v8.0".into()),
        "386" => ("GO386", ctx.toolchain_default("GO386").unwrap_or("sse2").to_string()),
        "amd64" if minor >= 18 => ("GOAMD64", "v1".into()),
        "mips" | "mipsle" => ("GOMIPS", "hardfloat".into()),
        "mips64" | "mips64le" => ("GOMIPS64", "hardfloat".into()),
        "ppc64" | "ppc64le" if minor >= 13 => ("GOPPC64", "power8".into()),
        "riscv64" if minor >= 23 => ("GORISCV64", "rva20u64".into()),
        "wasm" if minor >= 13 => ("GOWASM", String::new()),
        _ => return None,
    };
    Some((name, default))
}

fn printed(name: &str, minor: u32) -> bool {
    data::var(name).and_then(|v| v.printed).is_some_and(|p| p.contains(minor))
}

/// Order of the MkEnv part for go1.11–1.23 (envcmd/env.go of each release; GORACE only
/// 1.11/1.12). From 1.24 MkEnv is sorted by name (goenv-history.md "Go 1.24").
const MKENV_ORDER: &[&str] = &[
    "GO111MODULE",
    "GOARCH",
    "GOAUTH",
    "GOBIN",
    "GOCACHE",
    "GOCACHEPROG",
    "GODEBUG",
    "GOENV",
    "GOEXE",
    "GOEXPERIMENT",
    "GOFIPS140",
    "GOFLAGS",
    "GOHOSTARCH",
    "GOHOSTOS",
    "GOINSECURE",
    "GOMODCACHE",
    "GONOPROXY",
    "GONOSUMDB",
    "GOOS",
    "GOPATH",
    "GOPRIVATE",
    "GOPROXY",
    "GORACE",
    "GOROOT",
    "GOSUMDB",
    "GOTELEMETRY",
    "GOTELEMETRYDIR",
    "GOTMPDIR",
    "GOTOOLCHAIN",
    "GOTOOLDIR",
    "GOVCS",
    "GOVERSION",
];

fn mkenv_order(minor: u32) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = MKENV_ORDER.iter().copied().filter(|n| printed(n, minor)).collect();
    if minor <= 23 {
        // go1.23: GODEBUG, GOTELEMETRY, GOTELEMETRYDIR come after GOVERSION (MkEnv literal order).
        names.retain(|n| !matches!(*n, "GODEBUG" | "GOTELEMETRY" | "GOTELEMETRYDIR"));
        if minor == 23 {
            names.extend(["GODEBUG", "GOTELEMETRY", "GOTELEMETRYDIR"]);
        }
    } else {
        names.sort_unstable();
    }
    names
}

/// Simulates a full `go env` (and the Changed flags of `go env -changed`, 1.23 rules) for
/// the given machine/toolchain and user settings.
pub fn simulate(ctx: &Context, s: &Settings) -> SimOutput {
    let m = ctx.minor;
    let mut warnings = Vec::new();
    // GOENV (cfg.EnvFile)
    let os_goenv = s.os_get("GOENV").filter(|v| !v.is_empty());
    let (goenv_val, goenv_changed, file_active) = match os_goenv {
        Some("off") => (String::new(), false, false),
        Some(f) => (f.to_string(), true, true),
        None => match ctx.user_config_dir() {
            Ok(d) => (ctx.join(&d, &["go", "env"]), false, true),
            Err(_) => (String::new(), false, false),
        },
    };
    let go_env_file: &[(&str, &str)] = if m >= 21 && ctx.goroot_go_env { GO_ENV_FILE } else { &[] };
    // cfg.Getenv: OS env (non-empty) > user file (present key) > $GOROOT/go.env.
    let getenv = |k: &str| -> String {
        if let Some(v) = s.os_get(k).filter(|v| !v.is_empty()) {
            return v.to_string();
        }
        if file_active && m >= 13 {
            if let Some((_, v)) = s.env_file.iter().rev().find(|(n, _)| n == k) {
                return v.clone();
            }
        }
        go_env_file.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string()).unwrap_or_default()
    };
    let goroot_env = |k: &str| go_env_file.iter().find(|(n, _)| *n == k).map(|(_, v)| *v);
    // EnvOrAndChanged
    let env_or = |k: &str, def: &str| -> (String, bool) {
        let v = getenv(k);
        if v.is_empty() {
            return (def.to_string(), false);
        }
        let changed = match goroot_env(k) {
            Some(g) => v != g,
            None => v != def,
        };
        (v, changed)
    };
    let goroot = s.os_get("GOROOT").filter(|v| !v.is_empty()).map(str::to_string).unwrap_or(ctx.goroot.clone());
    let goos = {
        let v = getenv("GOOS");
        if v.is_empty() {
            ctx.host_os.clone()
        } else {
            v
        }
    };
    let goarch = {
        let v = getenv("GOARCH");
        if v.is_empty() {
            ctx.host_arch.clone()
        } else {
            v
        }
    };
    // GOPATH (go/build defaultGOPATH; cfg.defaultContext)
    let default_gopath = match &ctx.home {
        Some(h) => {
            let g = ctx.join(h, &["go"]);
            if g == goroot {
                String::new()
            } else {
                g
            }
        }
        None => String::new(),
    };
    let (mut gopath, _) = env_or("GOPATH", &default_gopath);
    // cfg.defaultContext compares with go/build's default, which already read $GOPATH from
    // the OS environment: only a go env file setting counts as changed [verified go1.23.5].
    let gopath_changed = match s.os_get("GOPATH").filter(|v| !v.is_empty()) {
        Some(_) => false,
        None => gopath != default_gopath,
    };
    let gopath_set = !getenv("GOPATH").is_empty();
    let mut fatal: Option<String> = None;
    let set_fatal = |f: &mut Option<String>, msg: String| {
        if f.is_none() {
            *f = Some(msg);
        }
    };
    // toolchain.Select runs before anything else (1.21+).
    if m >= 21 {
        let tc = getenv("GOTOOLCHAIN");
        if let Err(e) = validate::gotoolchain(&tc) {
            set_fatal(&mut fatal, e);
        }
    }
    // main.go GOPATH checks.
    if !gopath.is_empty() && gopath.trim_end_matches(ctx.sep()) == goroot.trim_end_matches(ctx.sep()) {
        warnings.push(format!("warning: GOPATH set to GOROOT ({gopath}) has no effect"));
    } else {
        let entries: Vec<String> = gopath.split(ctx.list_sep()).map(str::to_string).collect();
        for p in entries {
            if p.is_empty() {
                continue;
            }
            if p.starts_with('~') {
                set_fatal(&mut fatal, format!("go: GOPATH entry cannot start with shell metacharacter '~': {p:?}"));
            } else if !ctx.is_abs(&p) {
                if !gopath_set {
                    gopath = String::new();
                } else {
                    set_fatal(
                        &mut fatal,
                        format!(
                            "go: GOPATH entry is relative; must be absolute path: {p:?}.\nFor more details see: 'go help gopath'"
                        ),
                    );
                }
            }
        }
    }
    // runEnv: buildcfg.Check (GOAMD64/GOARM/... errors), then GOEXPERIMENT.
    if let Some((name, _)) = arch_var(m, &goarch, ctx) {
        let v = getenv(name);
        if !v.is_empty() {
            if let Some(e) = validate::arch_value(name, &v, m) {
                // go1.23: goarm64() clears buildcfg.Error set by GOAMD64/GOARM (goenv-history.md).
                // GO386 is not checked by the go command (only the compiler rejects 387) [verified].
                let masked = (m >= 23 && matches!(name, "GOAMD64" | "GOARM")) || name == "GO386";
                if !masked {
                    set_fatal(&mut fatal, e);
                }
            }
        }
    }
    let goexperiment = getenv("GOEXPERIMENT");
    if m >= 17 {
        if let Some(bad) = validate::goexperiment(&goexperiment, m) {
            set_fatal(&mut fatal, format!("go: unknown GOEXPERIMENT {bad}"));
        }
    }
    // ExtraEnvVars: modload.Init (GO111MODULE), InitWorkfile (GOWORK).
    let go111 = getenv("GO111MODULE");
    if m >= 11 && !matches!(go111.as_str(), "" | "on" | "off" | "auto") {
        set_fatal(&mut fatal, format!("go: unknown environment setting GO111MODULE={go111}"));
    }
    let gowork_env = getenv("GOWORK");
    if m >= 18 && !gowork_env.is_empty() && !matches!(gowork_env.as_str(), "off" | "auto") && !ctx.is_abs(&gowork_env) {
        // go1.19.8: modload's old message; go1.21.13+: "go: invalid GOWORK" [verified].
        let msg = if m >= 21 {
            "go: invalid GOWORK: not an absolute path"
        } else {
            "the path provided to GOWORK must be an absolute path"
        };
        set_fatal(&mut fatal, msg.to_string());
    }
    // GOCACHE (cache.DefaultDir)
    let gocache_env = getenv("GOCACHE");
    let (gocache, gocache_changed, gocache_err) = if !gocache_env.is_empty() {
        if ctx.is_abs(&gocache_env) || gocache_env == "off" {
            (gocache_env.clone(), true, None)
        } else {
            ("off".to_string(), true, Some("GOCACHE is not an absolute path".to_string()))
        }
    } else {
        match ctx.user_cache_dir() {
            Ok(d) => (ctx.join(&d, &["go-build"]), false, None),
            Err(e) => ("off".to_string(), true, Some(format!("GOCACHE is not defined and {e}"))),
        }
    };
    // ExtraEnvVarsCostly/BuildInit: unsupported pair, then the build cache (go1.21+ fails
    // here when it cannot be located; go1.19 printed GOCACHE="off" [verified]).
    if data::dist_covered(m) && !data::pair_supported(&goos, &goarch, m) {
        set_fatal(&mut fatal, format!("go: unsupported GOOS/GOARCH pair {goos}/{goarch}"));
    }
    if m >= 21 {
        if let Some(e) = &gocache_err {
            set_fatal(&mut fatal, format!("build cache is required, but could not be located: {e}"));
        }
    }

    // ---- values, in MkEnv order ----
    let mut vars: Vec<EnvVar> = Vec::new();
    let ev = |name: &str, value: String, changed: bool| EnvVar { name: name.to_string(), value, changed };
    let gopath_first = gopath.split(ctx.list_sep()).next().unwrap_or("").to_string();
    let gopath_dir = |sub: &[&str]| if gopath_first.is_empty() { String::new() } else { ctx.join(&gopath_first, sub) };
    let goprivate = getenv("GOPRIVATE");
    let (gotelemetry, gotelemetrydir) = match ctx.user_config_dir() {
        Ok(d) => (ctx.telemetry_mode.clone().unwrap_or_else(|| "local".into()), ctx.join(&d, &["go", "telemetry"])),
        Err(_) => ("off".to_string(), String::new()),
    };
    for name in mkenv_order(m) {
        let nonempty = |v: String| {
            let c = !v.is_empty();
            ev(name, v, c)
        };
        let e = match name {
            "GO111MODULE" => {
                let c = !matches!(go111.as_str(), "" | "on");
                ev(name, go111.clone(), c)
            }
            "GOARCH" => ev(name, goarch.clone(), goarch != ctx.host_arch),
            "GOOS" => ev(name, goos.clone(), goos != ctx.host_os),
            "GOBIN" | "GOFLAGS" | "GOINSECURE" | "GOPRIVATE" | "GOTMPDIR" | "GOVCS" | "GORACE" => {
                nonempty(getenv(name))
            }
            "GOEXPERIMENT" => nonempty(goexperiment.clone()),
            "GOCACHE" => ev(name, gocache.clone(), gocache_changed),
            "GOENV" => ev(name, goenv_val.clone(), goenv_changed),
            "GOEXE" => ev(name, if goos == "windows" { ".exe".into() } else { String::new() }, false),
            "GOHOSTARCH" => ev(name, ctx.host_arch.clone(), false),
            "GOHOSTOS" => ev(name, ctx.host_os.clone(), false),
            "GOMODCACHE" => {
                let (v, c) = env_or(name, &gopath_dir(&["pkg", "mod"]));
                ev(name, v, c)
            }
            "GONOPROXY" | "GONOSUMDB" => {
                let (v, c) = env_or(name, &goprivate);
                ev(name, v, c)
            }
            "GOPATH" => ev(name, gopath.clone(), gopath_changed),
            "GOPROXY" | "GOSUMDB" => {
                // 1.13–1.20: built into cfg.go; 1.21+: $GOROOT/go.env; 1.11/1.12: none.
                let builtin = if (13..=20).contains(&m) {
                    GO_ENV_FILE.iter().find(|(n, _)| *n == name).map(|(_, v)| *v).unwrap_or("")
                } else {
                    ""
                };
                let (v, c) = env_or(name, builtin);
                ev(name, v, c)
            }
            "GOROOT" => ev(name, goroot.clone(), false),
            "GOTOOLCHAIN" => {
                let (v, c) = env_or(name, "");
                ev(name, v, c)
            }
            "GOTOOLDIR" => {
                ev(name, ctx.join(&goroot, &["pkg", "tool", &format!("{}_{}", ctx.host_os, ctx.host_arch)]), false)
            }
            "GOVERSION" => ev(name, ctx.version.clone().unwrap_or_else(|| format!("go1.{m}")), false),
            "GODEBUG" => {
                let v = s.os_get("GODEBUG").unwrap_or("").to_string();
                nonempty(v)
            }
            "GOTELEMETRY" => ev(name, gotelemetry.clone(), false),
            "GOTELEMETRYDIR" => ev(name, gotelemetrydir.clone(), false),
            "GOAUTH" => {
                let (v, c) = env_or(name, "netrc");
                ev(name, v, c)
            }
            "GOFIPS140" => {
                let (v, c) = env_or(name, "off");
                ev(name, v, c)
            }
            "GOCACHEPROG" => nonempty(getenv(name)),
            _ => continue,
        };
        vars.push(e);
    }
    // GCCGO (work.GccgoName / GccgoBin)
    match (&ctx.gccgo_path, getenv("GCCGO")) {
        (Some(p), g) if g.is_empty() => vars.push(ev("GCCGO", p.clone(), true)),
        (_, g) if !g.is_empty() => vars.push(ev("GCCGO", g.clone(), true)),
        _ => vars.push(ev("GCCGO", "gccgo".into(), false)),
    }
    if let Some((name, def)) = arch_var(m, &goarch, ctx) {
        // buildcfg reads the OS environment into its "default" (envOr(name, defaultX)), so an
        // OS setting is not reported by -changed; a go env file setting is [verified go1.23.5].
        // An invalid OS value falls back to the built-in default; GOARM is compared in its
        // canonical go1.22/1.23 form `N,hardfloat|softfloat` [verified go1.23.5: GOARM=6 is
        // reported, GOAMD64=v3 is not, GOAMD64=v5 is].
        let def = match s.os_get(name).filter(|v| !v.is_empty()) {
            // (buildcfg does not validate GO386, so any OS value is its own default.)
            Some(v) if name == "GO386" || validate::arch_value(name, v, m).is_none() => {
                if name == "GOARM" && (22..=23).contains(&m) && !v.contains(',') {
                    format!("{v},{}", if v == "5" { "softfloat" } else { "hardfloat" })
                } else {
                    v.to_string()
                }
            }
            _ => def,
        };
        let (v, c) = env_or(name, &def);
        vars.push(ev(name, v, c));
    }
    if m >= 13 {
        let (v, c) = env_or("AR", "ar");
        vars.push(ev("AR", v, c));
    }
    let cc_env = getenv("CC");
    let cxx_env = getenv("CXX");
    let cc = if cc_env.is_empty() { default_cc(m, &goos, &ctx.host_os, false).to_string() } else { cc_env.clone() };
    let cxx = if cxx_env.is_empty() { default_cc(m, &goos, &ctx.host_os, true).to_string() } else { cxx_env.clone() };
    vars.push(ev("CC", cc, !cc_env.is_empty()));
    vars.push(ev("CXX", cxx, !cxx_env.is_empty()));
    // CGO_ENABLED (cfg.defaultContext)
    // go/build's default already honours CGO_ENABLED=0/1 from the OS environment; cmd/go then
    // applies the cross-compile and no-C-compiler rules on top (cfg.go defaultContext).
    let mut default_cgo = match s.os_get("CGO_ENABLED") {
        Some("0") => false,
        Some("1") => true,
        _ => cgo_supported(&goos, &goarch),
    };
    let cross = goos != ctx.host_os || goarch != ctx.host_arch;
    let no_cc = default_cgo && m >= 20 && s.os_get("CC").unwrap_or("").is_empty() && !ctx.cc_in_path;
    if cross || no_cc {
        default_cgo = false;
    }
    let cgo_env = getenv("CGO_ENABLED");
    let cgo = match cgo_env.as_str() {
        "0" => false,
        "1" => true,
        _ => default_cgo,
    };
    vars.push(ev("CGO_ENABLED", if cgo { "1".into() } else { "0".into() }, cgo != default_cgo));
    // ExtraEnvVars
    let modules_on = match go111.as_str() {
        "on" => true,
        "off" => false,
        // "" is "on" from 1.16; "auto" (and "" before 1.16) needs a go.mod.
        "" if m >= 16 => true,
        _ => ctx.gomod_path.is_some(),
    };
    let gomod = match (&ctx.gomod_path, modules_on) {
        (_, false) => String::new(),
        (Some(p), true) => p.clone(),
        (None, true) => {
            if ctx.host_os == "windows" {
                "NUL".into()
            } else {
                "/dev/null".into()
            }
        }
    };
    if printed("GOMOD", m) {
        vars.push(ev("GOMOD", gomod, false));
    }
    if printed("GOWORK", m) {
        let w = if gowork_env == "off" { "off".to_string() } else { String::new() };
        vars.push(ev("GOWORK", w, false));
    }
    // ExtraEnvVarsCostly
    let cflags_def = default_cflags(m);
    for name in ["CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_FFLAGS", "CGO_LDFLAGS"] {
        let def = if name == "CGO_CPPFLAGS" { "" } else { cflags_def };
        let v = getenv(name);
        let v = if v.is_empty() { def.to_string() } else { v };
        // go1.23 ExtraEnvVarsCostly compares "GGO_LDFLAGS" (a typo), so CGO_LDFLAGS is never
        // reported by -changed.
        let c = name != "CGO_LDFLAGS" && v != def;
        vars.push(ev(name, v, c));
    }
    let (pc, pcc) = env_or("PKG_CONFIG", "pkg-config");
    vars.push(ev("PKG_CONFIG", pc, pcc));
    vars.push(ev("GOGCCFLAGS", String::new(), false));
    // The 1.11/1.12 layout printed GOMOD after CGO_ENABLED too; order only matters for display.
    SimOutput { vars, fatal, warnings }
}
