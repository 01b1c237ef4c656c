//! The app's files form layers: each file may use files below it, never one that (through any
//! chain) uses it back. This test reads every `crate::…` and `super::…` path in `app/src`, resolves
//! it to the file that defines the module, and fails on any cycle, naming its files.
//!
//! What counts as a use: a path starting with `crate::` or `super::` (in `use` lines and in code).
//! What does not: a parent module declaring and publishing its own children (`mod pages;
//! pub use pages::SignInPage;`), which is how a folder names its parts, not a dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path (`["earn", "rules"]`) for every file under `src`.
fn modules(src: &Path) -> BTreeMap<Vec<String>, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).unwrap();
            let mut parts: Vec<String> = rel
                .iter()
                .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
                .collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                parts.pop();
            }
            out.insert(parts, path);
        }
    }
    out
}

/// Every path after `crate::`/`super::` in `line`, with `{a, b::c}` groups expanded, as the
/// segments it names (`super` kept as a segment so the caller can resolve it).
fn paths_in(line: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        let starts = rest.starts_with("crate::") || rest.starts_with("super::");
        let boundary = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if starts && boundary {
            let (paths, used) = parse_path(rest);
            found.extend(paths);
            i += used.max(1);
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// Parses `a::b::{c, d::e}` from the start of `s`; returns the expanded paths and bytes read.
fn parse_path(s: &str) -> (Vec<Vec<String>>, usize) {
    let mut segs = Vec::new();
    let mut i = 0;
    let b = s.as_bytes();
    loop {
        let start = i;
        while i < s.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
        }
        if i > start {
            segs.push(s[start..i].to_string());
        }
        if s[i..].starts_with("::{") {
            i += 3;
            let mut out = Vec::new();
            loop {
                while i < s.len() && (b[i] == b' ' || b[i] == b',') {
                    i += 1;
                }
                if i >= s.len() || b[i] == b'}' {
                    i += 1;
                    break;
                }
                let (inner, used) = parse_path(&s[i..]);
                for p in inner {
                    let mut full = segs.clone();
                    full.extend(p.into_iter().filter(|x| x != "self"));
                    out.push(full);
                }
                if used == 0 {
                    i += 1;
                }
                i += used;
            }
            return (out, i);
        }
        if s[i..].starts_with("::") {
            i += 2;
            continue;
        }
        return (vec![segs], i);
    }
}

/// The module a path lands in: the longest prefix that is a file of its own.
fn resolve(
    from: &[String],
    path: &[String],
    files: &BTreeMap<Vec<String>, PathBuf>,
) -> Option<Vec<String>> {
    let mut base: Vec<String> = Vec::new();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => rest = &rest[1..],
        Some("super") => {
            base = from.to_vec();
            while rest.first().is_some_and(|s| s == "super") {
                base.pop()?;
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    let mut best = base.clone();
    let mut cur = base;
    for seg in rest {
        cur.push(seg.clone());
        if files.contains_key(&cur) {
            best = cur.clone();
        } else {
            break;
        }
    }
    Some(best)
}

/// The uses of one file: `(module used, line number)`. Inside an inline `mod x { … }` block
/// (found by rustfmt's indentation), `super` means the file's own module.
fn uses(module: &[String], text: &str, files: &BTreeMap<Vec<String>, PathBuf>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut inline: Vec<String> = Vec::new(); // indentation of each open inline module
    // A `use` spread over several lines (rustfmt's long groups) is read as one line.
    let mut joined: Vec<String> = Vec::new();
    let mut open_use: Option<String> = None;
    for raw in text.lines() {
        if let Some(mut u) = open_use.take() {
            u.push_str(raw.trim());
            if raw.contains(';') {
                joined.push(u);
            } else {
                open_use = Some(u);
            }
            continue;
        }
        let t = raw.trim_start();
        if (t.starts_with("use ") || t.starts_with("pub use ") || t.starts_with("pub(crate) use "))
            && !t.contains(';')
        {
            open_use = Some(raw.to_string());
            continue;
        }
        joined.push(raw.to_string());
    }
    for raw in joined.iter().map(String::as_str) {
        let line = raw.trim_start();
        let indent = &raw[..raw.len() - line.len()];
        if inline.last().is_some_and(|i| i == indent) && line == "}" {
            inline.pop();
            continue;
        }
        let opens = line.ends_with('{')
            && (line.starts_with("mod ")
                || line.starts_with("pub mod ")
                || line.starts_with("pub(crate) mod "));
        if opens {
            inline.push(indent.to_string());
            continue;
        }
        if line.starts_with("//") {
            continue;
        }
        let code = line.split(" //").next().unwrap_or(line);
        for p in paths_in(code) {
            let mut from: Vec<String> = module.to_vec();
            from.extend(inline.iter().map(|_| "#inline".to_string()));
            if let Some(target) = resolve(&from, &p, files)
                && target.iter().all(|s| s != "#inline")
            {
                out.push(target);
            }
        }
    }
    out
}

/// Strongly connected components of more than one file (Tarjan).
fn cycles(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<Vec<String>>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<Vec<String>, usize>,
        low: BTreeMap<Vec<String>, usize>,
        stack: Vec<Vec<String>>,
        on: BTreeSet<Vec<String>>,
        next: usize,
        out: Vec<Vec<Vec<String>>>,
    }
    fn visit(w: &mut Walk, v: &Vec<String>) {
        w.index.insert(v.clone(), w.next);
        w.low.insert(v.clone(), w.next);
        w.next += 1;
        w.stack.push(v.clone());
        w.on.insert(v.clone());
        let targets: Vec<Vec<String>> = w.graph.get(v).into_iter().flatten().cloned().collect();
        for t in targets {
            if !w.index.contains_key(&t) {
                visit(w, &t);
                let low = w.low[v].min(w.low[&t]);
                w.low.insert(v.clone(), low);
            } else if w.on.contains(&t) {
                let low = w.low[v].min(w.index[&t]);
                w.low.insert(v.clone(), low);
            }
        }
        if w.low[v] == w.index[v] {
            let mut comp = Vec::new();
            while let Some(x) = w.stack.pop() {
                w.on.remove(&x);
                let done = &x == v;
                comp.push(x);
                if done {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                w.out.push(comp);
            }
        }
    }
    let mut w = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !w.index.contains_key(v) {
            visit(&mut w, v);
        }
    }
    w.out
}

fn graph_of(src: &Path) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let files = modules(src);
    let mut graph = BTreeMap::new();
    for (module, path) in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let targets: BTreeSet<Vec<String>> = uses(module, &text, &files)
            .into_iter()
            .filter(|t| t != module && !t.is_empty())
            .collect();
        graph.insert(module.clone(), targets);
    }
    graph
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "lib".into()
    } else {
        m.join("::")
    }
}

#[test]
fn no_file_of_the_app_uses_one_that_uses_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = graph_of(&src);
    let found = cycles(&graph);
    let described: Vec<String> = found
        .iter()
        .map(|c| {
            let members: BTreeSet<&Vec<String>> = c.iter().collect();
            let edges: Vec<String> = c
                .iter()
                .flat_map(|from| {
                    graph[from]
                        .iter()
                        .filter(|t| members.contains(t))
                        .map(move |t| format!("{} -> {}", name(from), name(t)))
                })
                .collect();
            edges.join(", ")
        })
        .collect();
    assert!(
        found.is_empty(),
        "{} import cycle(s) between files of app/src:\n{}",
        found.len(),
        described.join("\n")
    );
}

/// The reader itself: a cycle written into a small tree is found, and one file using a sibling
/// through `super` is an edge to that sibling, not to the parent.
#[test]
fn the_cycle_finder_finds_a_cycle() {
    let dir = std::env::temp_dir().join(format!("ww-layers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("lib.rs"), "pub mod a;\npub mod b;\n").unwrap();
    std::fs::write(dir.join("a/mod.rs"), "mod x;\nuse crate::b::Thing;\n").unwrap();
    std::fs::write(
        dir.join("a/x.rs"),
        "use super::Y;\nmod tests {\n    use super::*;\n}\n",
    )
    .unwrap();
    std::fs::write(dir.join("b.rs"), "fn f() { crate::a::x::go(); }\n").unwrap();
    let graph = graph_of(&dir);
    let key = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
    assert!(graph[&key("a::x")].contains(&key("a")));
    assert!(!graph[&key("a::x")].contains(&key("a::x")));
    assert_eq!(cycles(&graph).len(), 1, "{graph:?}");
    std::fs::write(dir.join("b.rs"), "fn f() {}\n").unwrap();
    assert!(cycles(&graph_of(&dir)).is_empty());
    std::fs::write(
        dir.join("b.rs"),
        "use crate::a::{\n    x::go,\n    Other,\n};\n",
    )
    .unwrap();
    assert_eq!(
        cycles(&graph_of(&dir)).len(),
        1,
        "a use over several lines is read"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The ground floor: parsed input types and statuses (`domain`), errors, every string (`i18n`)
/// and how figures read in each language (`format`), who is asking (`session`), and the pure parts of earning (unit codes and the rules engine).
/// They use each other only, so any of them can be read, tested and reused without the rest.
const GROUND_FLOOR: &[&str] = &[
    "domain",
    "error",
    "i18n",
    "format",
    "session",
    "earn::code",
    "earn::rules",
];

#[test]
fn the_ground_floor_uses_nothing_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = graph_of(&src);
    // A ground-floor folder (`domain/`) is on the ground floor with all its files.
    let on_floor = |m: &str| {
        GROUND_FLOOR
            .iter()
            .any(|f| m == *f || m.starts_with(&format!("{f}::")))
    };
    for f in GROUND_FLOOR {
        let key: Vec<String> = f.split("::").map(String::from).collect();
        assert!(graph.contains_key(&key), "{f} is not a file of app/src");
    }
    let mut above = Vec::new();
    for (m, uses) in &graph {
        if !on_floor(&name(m)) {
            continue;
        }
        for t in uses {
            if !on_floor(&name(t)) {
                above.push(format!("{} -> {}", name(m), name(t)));
            }
        }
    }
    assert!(
        above.is_empty(),
        "the ground floor uses files above it: {above:?}"
    );
}
