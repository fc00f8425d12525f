use super::common::{
    call_args, called_pkg_func, enclosing_decl, godebug_sides, keyed_fields, library_note, main_sides, pkg_member,
    removal_note, unparen, walk_subtree,
};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `crypto/tls` server configurations without `MinVersion`: a `tls.Config` literal
    /// passed to `tls.Listen`, `tls.NewListener` or `tls.Server`, set as an `http.Server`'s
    /// `TLSConfig` (directly, through a variable, or by `srv.TLSConfig = cfg`), or one that sets a
    /// server-only field (`GetCertificate`, `ClientAuth`, `ClientCAs`, `GetConfigForClient`);
    /// and `http.ListenAndServeTLS`/`http.ServeTLS`, which use the default configuration.
    ///
    /// ## Why
    /// "By default, the minimum version offered by crypto/tls servers is now TLS 1.2 if not
    /// specified with config.MinimumVersion" (Go 1.22 release notes). A main module whose go
    /// line is 1.22 or later refuses TLS 1.0/1.1 clients (server error
    /// `tls: client offered only unsupported versions: [301]`, client error
    /// `remote error: tls: protocol version not supported`). GODEBUG `tls10server=1` restores the
    /// old default up to Go 1.26; the setting was removed in Go 1.27, whose toolchain applies the
    /// TLS 1.2 minimum whatever the go line says.
    ///
    /// ## How to fix
    /// Better, upgrade the clients. If legacy clients must still connect, set
    /// `MinVersion: tls.VersionTLS10` explicitly: an explicit minimum is honoured on every
    /// version, including Go 1.27.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "crypto/tls"
    ///
    /// func serve(cert tls.Certificate) error {
    ///     ln, err := tls.Listen("tcp", ":8443", &tls.Config{Certificates: []tls.Certificate{cert}})
    ///     if err != nil {
    ///         return err
    ///     }
    ///     return ln.Close()
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "crypto/tls"
    ///
    /// func serve(cert tls.Certificate) error {
    ///     cfg := &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}}
    ///     ln, err := tls.Listen("tcp", ":8443", cfg)
    ///     if err != nil {
    ///         return err
    ///     }
    ///     return ln.Close()
    /// }
    /// ```
    pub static RULE = {
        id: "tls-server-min-version-tls12",
        title: "Servers no longer accept TLS 1.0/1.1 by default",
        family: "runtime",
        severity: Severity::BehaviorChange,
        versions: "MV >= 1.22 or TC >= 1.27",
        godebug: Some(("tls10server", "1", Some("removed in Go 1.27"))),
        sources: &["https://go.dev/doc/go1.22#crypto/tls", "https://go.dev/doc/godebug#go-122", "https://go.dev/doc/go1.27"],
        kinds: &["composite_literal", "call_expression"],
        check_node: Some(check),
        local: true,
    }
}

const SERVER_FUNCS: &[&str] = &["Listen", "NewListener", "Server"];
const SERVER_ONLY_FIELDS: &[&str] = &["GetCertificate", "ClientAuth", "ClientCAs", "GetConfigForClient"];

// Handshake errors quoted from rules.md §D [ran] (loopback handshake, TLS 1.0-only client
// against `&tls.Config{Certificates: …}`, toolchains 1.23.5 and 1.27.3).
fn check<'a>(c: &mut Checker<'a>, node: Node<'a>) {
    match node.kind_str() {
        "composite_literal" => check_literal(c, node),
        _ => check_default_server(c, node),
    }
}

fn check_literal<'a>(c: &mut Checker<'a>, lit: Node<'a>) {
    let Some(ty) = lit.field("type") else { return };
    if pkg_member(c, ty, "crypto/tls") != Some("Config") {
        return;
    }
    let Some(body) = lit.field("body") else { return };
    let fields = keyed_fields(c, body);
    if fields.iter().any(|(k, _, _)| *k == "MinVersion") {
        return;
    }
    let usage = if let Some((k, _, _)) = fields.iter().find(|(k, _, _)| SERVER_ONLY_FIELDS.contains(k)) {
        format!("it sets the server-only field {k}")
    } else if let Some(u) = server_use(c, lit) {
        u
    } else {
        return;
    };
    let sides = godebug_sides(c, "tls10server");
    if !sides.iter().any(|s| s.new) {
        return;
    }
    let tls = c.facts.local_name("crypto/tls").unwrap_or("tls").to_string();
    let message = format!(
        "server tls.Config without MinVersion ({usage}): its minimum TLS version becomes TLS 1.2, so TLS 1.0/1.1 clients are refused"
    );
    let explanation = explanation(c);
    let mut d = c.diagnostic(Checker::span(lit), message, explanation);
    d.sides = main_sides(c, &sides, OLD, NEW);
    let at = body.start_byte() + 1;
    d.fix = Some(Fix::unsafe_(
        format!("Keep accepting TLS 1.0/1.1 clients: set `MinVersion: {tls}.VersionTLS10`"),
        "re-enables TLS 1.0 and 1.1, which Go turned off by default because they are insecure; prefer upgrading the clients",
        vec![TextEdit::insert(at, format!("MinVersion: {tls}.VersionTLS10, "))],
    ));
    c.report(d);
}

const OLD: &str = "the server accepts TLS 1.0 and 1.1 clients (minimum TLS 1.0)";
const NEW: &str = "the server refuses TLS 1.0/1.1 clients: `tls: client offered only unsupported versions: [301]`";

fn explanation(c: &Checker) -> String {
    format!(
        "Go 1.22 raised the default minimum version of crypto/tls servers to TLS 1.2 when Config.MinVersion is not set. Clients that only speak TLS 1.0/1.1 fail the handshake (client error `remote error: tls: protocol version not supported`). If such clients must still connect, set MinVersion: tls.VersionTLS10 explicitly (honoured on every Go version); better, upgrade them.{}{}",
        removal_note("tls10server"),
        library_note(c)
    )
}

/// `http.ListenAndServeTLS` / `http.ServeTLS`: a server with the default configuration.
fn check_default_server<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let Some(f) = called_pkg_func(c, call, "net/http") else { return };
    if f != "ListenAndServeTLS" && f != "ServeTLS" {
        return;
    }
    let sides = godebug_sides(c, "tls10server");
    if !sides.iter().any(|s| s.new) {
        return;
    }
    let message = format!(
        "http.{f} uses the default TLS configuration: its minimum TLS version becomes TLS 1.2, so TLS 1.0/1.1 clients are refused"
    );
    let mut d = c.diagnostic(Checker::span(call), message, explanation(c));
    d.sides = main_sides(c, &sides, OLD, NEW);
    c.report(d);
}

/// How the literal is used by a server, if the file shows it.
fn server_use<'a>(c: &Checker<'a>, lit: Node<'a>) -> Option<String> {
    let mut e = lit;
    if let Some(p) = e.parent() {
        if p.kind_str() == "unary_expression" {
            e = p;
        }
    }
    if let Some(u) = direct_server_use(c, e) {
        return Some(u);
    }
    // A variable bound to the literal: look for its server uses in the same declaration.
    let parent = e.parent()?;
    let name = match parent.kind_str() {
        "expression_list" => {
            let stmt = parent.parent()?;
            if !matches!(stmt.kind_str(), "short_var_declaration" | "assignment_statement" | "var_spec") {
                return None;
            }
            let idx = {
                let mut cur = parent.walk();
                let i = parent.named_children(&mut cur).position(|n| n == e);
                i?
            };
            let left = match stmt.kind_str() {
                "var_spec" => {
                    let mut cur = stmt.walk();
                    let n = stmt.children_by_field_name("name", &mut cur).nth(idx);
                    n?
                }
                _ => {
                    let l = stmt.field("left")?;
                    let mut cur = l.walk();
                    let x = l.named_children(&mut cur).nth(idx)?;
                    x
                }
            };
            c.text(left).to_string()
        }
        _ => return None,
    };
    if name == "_" || name.is_empty() {
        return None;
    }
    let scope = enclosing_decl(lit);
    let scope = if scope.kind_str() == "var_declaration" || scope.kind_str() == "const_declaration" {
        scope.parent().unwrap_or(scope)
    } else {
        scope
    };
    let mut found = None;
    walk_subtree(scope, |n| {
        if found.is_some() {
            return false;
        }
        if matches!(n.kind_str(), "identifier" | "field_identifier") && c.text(n) == name {
            let mut e = n;
            if let Some(p) = e.parent() {
                if p.kind_str() == "unary_expression"
                    || p.kind_str() == "selector_expression" && n.kind_str() == "identifier"
                {
                    // `&cfg` stays a use; `cfg.X` is not the config itself.
                    if p.kind_str() == "selector_expression" {
                        return true;
                    }
                    e = p;
                }
            }
            if let Some(u) = direct_server_use(c, e) {
                found = Some(format!("{u} as `{name}`"));
            }
        }
        true
    });
    found
}

/// `e` is an argument of tls.Listen/NewListener/Server, the TLSConfig of an http.Server
/// literal, or assigned to `x.TLSConfig`.
fn direct_server_use<'a>(c: &Checker<'a>, e: Node<'a>) -> Option<String> {
    let p = e.parent()?;
    match p.kind_str() {
        "argument_list" => {
            let call = p.parent()?;
            let f = called_pkg_func(c, call, "crypto/tls")?;
            let is_config_arg = call_args(call).last() == Some(&e);
            (SERVER_FUNCS.contains(&f) && is_config_arg).then(|| format!("passed to tls.{f}"))
        }
        "literal_element" => {
            let kv = p.parent()?;
            if kv.kind_str() != "keyed_element" || kv.field("value") != Some(p) {
                return None;
            }
            let key = kv.field("key")?;
            if c.text(key).trim() != "TLSConfig" {
                return None;
            }
            let outer = kv.parent()?.parent()?;
            let ty = outer.field("type")?;
            (pkg_member(c, ty, "net/http") == Some("Server")).then(|| "the TLSConfig of an http.Server".to_string())
        }
        "expression_list" => {
            let stmt = p.parent()?;
            if stmt.kind_str() != "assignment_statement" || stmt.field("right") != Some(p) {
                return None;
            }
            let left = stmt.field("left")?;
            let target = unparen(left.named_child(0)?);
            let field = target.field("field")?;
            (target.kind_str() == "selector_expression" && c.text(field) == "TLSConfig")
                .then(|| format!("assigned to {}", c.text(target)))
        }
        _ => None,
    }
}
