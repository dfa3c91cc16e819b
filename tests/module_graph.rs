//! The modules of each crate import one way: no module imports one that imports it back, however
//! long the circle. A module's imports are the paths its code names (`use crate::a::B`,
//! `super::b::C`, `crate::a::f(..)`, `self::c::D`), each resolved to the file that defines the
//! item (through `lib.rs`'s and parents' `pub use` re-exports); test-only code is left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A crate's modules: module path (`list::page`, root `""`) → its source with tests cut off.
fn modules(src: &Path) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|ext| ext != "rs") {
                continue;
            }
            let relative = path.strip_prefix(src).unwrap().with_extension("");
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("::");
            let name = match name.as_str() {
                "lib" | "main" => String::new(),
                other => other.strip_suffix("::mod").unwrap_or(other).to_owned(),
            };
            let text = fs::read_to_string(&path).unwrap();
            found.insert(name, without_tests(&text));
        }
    }
    // Test-only modules (declared `#[cfg(test)] mod x;`) and fuzzing hooks are not the crate's graph.
    let test_only: Vec<String> = found
        .iter()
        .flat_map(|(parent, text)| {
            let lines: Vec<&str> = text.lines().collect();
            lines
                .windows(2)
                .filter(|pair| {
                    let attr = pair[0].trim();
                    attr == "#[cfg(test)]" || attr == "#[cfg(fuzzing)]"
                })
                .filter_map(|pair| {
                    let declared = pair[1]
                        .trim()
                        .trim_start_matches("pub ")
                        .strip_prefix("mod ")?;
                    let child = declared.strip_suffix(';')?;
                    Some(join(parent, child))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    for name in test_only {
        found.remove(&name);
    }
    found
}

/// The text before a trailing `#[cfg(test)] mod tests { … }`.
fn without_tests(text: &str) -> String {
    match text.find("#[cfg(test)]\nmod tests {") {
        Some(at) => text[..at].to_owned(),
        None => text.to_owned(),
    }
}

fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_owned()
    } else {
        format!("{parent}::{child}")
    }
}

fn parent_of(module: &str) -> String {
    module
        .rsplit_once("::")
        .map_or(String::new(), |(parent, _)| parent.to_owned())
}

/// The paths a module's code names, as written from its `crate::`, `super::` or `self::` start,
/// with `use` groups (`use crate::{a::B, c}`) expanded.
fn named_paths(module: &str, text: &str) -> Vec<Vec<String>> {
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut paths = Vec::new();
    for start in ["crate::", "super::", "self::"] {
        let mut rest = code.as_str();
        while let Some(at) = rest.find(start) {
            let before = rest[..at].chars().last();
            let tail = &rest[at..];
            rest = &rest[at + start.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            for path in expand_group(tail) {
                let mut segments: Vec<String> = path.split("::").map(str::to_owned).collect();
                let base = match segments.first().map(String::as_str) {
                    Some("crate") => String::new(),
                    Some("super") => parent_of(module),
                    _ => module.to_owned(),
                };
                segments.remove(0);
                let mut base = base;
                while segments.first().is_some_and(|s| s == "super") {
                    segments.remove(0);
                    base = parent_of(&base);
                }
                let mut full: Vec<String> = base
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                full.extend(
                    segments
                        .into_iter()
                        .filter(|s| !s.is_empty() && s != "self"),
                );
                paths.push(full);
            }
        }
    }
    paths
}

/// `crate::a::{B, c::D}` → `crate::a::B`, `crate::a::c::D` (one level of braces at a time).
fn expand_group(tail: &str) -> Vec<String> {
    let end = tail
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(tail.len());
    let head = tail[..end].trim_end_matches("::");
    if !tail[end..].starts_with('{') || !tail[..end].ends_with("::") {
        return vec![head.to_owned()];
    }
    let inner = &tail[end + 1..];
    let mut depth = 0usize;
    let mut close = inner.len();
    for (at, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                close = at;
                break;
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut from = 0;
    let inner = &inner[..close];
    for (at, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&inner[from..at]);
                from = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[from..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .flat_map(|part| {
            let part = part.split(" as ").next().unwrap_or(part).trim();
            expand_group(&format!("{head}::{part}"))
        })
        .collect()
}

/// Where each module re-exports names from: (module, name) → the module path it names.
fn re_exports(modules: &BTreeMap<String, String>) -> BTreeMap<(String, String), Vec<String>> {
    let mut exports = BTreeMap::new();
    for (module, text) in modules {
        for statement in text.split(';') {
            let statement = statement.trim();
            let Some(used) = statement
                .strip_prefix("pub use ")
                .or_else(|| statement.strip_prefix("pub(crate) use "))
                .or_else(|| statement.strip_prefix("use "))
            else {
                continue;
            };
            let used = used.trim();
            let used = if used.starts_with("crate::")
                || used.starts_with("self::")
                || used.starts_with("super::")
            {
                used.to_owned()
            } else if modules.contains_key(&join(module, used.split("::").next().unwrap_or(""))) {
                format!("self::{used}")
            } else {
                continue;
            };
            for path in named_paths(module, &used) {
                if let Some(name) = path.last() {
                    exports.insert(
                        (module.clone(), name.clone()),
                        path[..path.len() - 1].to_vec(),
                    );
                }
            }
        }
    }
    exports
}

/// The module that defines what `path` names: the longest module prefix, followed through
/// re-exports when the name is only imported there.
fn defining_module(
    path: &[String],
    modules: &BTreeMap<String, String>,
    exports: &BTreeMap<(String, String), Vec<String>>,
    depth: usize,
) -> Option<String> {
    let mut longest = None;
    for len in (0..=path.len()).rev() {
        let candidate = path[..len].join("::");
        if modules.contains_key(&candidate) {
            longest = Some((candidate, len));
            break;
        }
    }
    let (module, len) = longest?;
    if depth < 8
        && let Some(name) = path.get(len)
        && let Some(target) = exports.get(&(module.clone(), name.clone()))
    {
        let mut next = target.clone();
        next.push(name.clone());
        next.extend_from_slice(&path[len + 1..]);
        if let Some(found) = defining_module(&next, modules, exports, depth + 1) {
            return Some(found);
        }
    }
    Some(module)
}

/// Every circle of imports among a crate's modules (strongly connected components of more than one).
fn circles(src: &Path) -> Vec<Vec<String>> {
    let modules = modules(src);
    let exports = re_exports(&modules);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, text) in &modules {
        for path in named_paths(module, text) {
            if let Some(target) = defining_module(&path, &modules, &exports, 0)
                && &target != module
                && !target.is_empty()
                && !module.is_empty()
                // A module naming its own submodule (`self::page::Page`) is its own business.
                && !target.starts_with(&format!("{module}::"))
            {
                edges.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    strongly_connected(&modules.keys().cloned().collect::<Vec<_>>(), &edges)
        .into_iter()
        .filter(|component| component.len() > 1)
        .collect()
}

/// Kosaraju's two passes.
fn strongly_connected(
    nodes: &[String],
    edges: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        seen: &mut BTreeSet<String>,
        order: &mut Vec<String>,
    ) {
        if !seen.insert(node.to_owned()) {
            return;
        }
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, seen, order);
        }
        order.push(node.to_owned());
    }
    let mut seen = BTreeSet::new();
    let mut order = Vec::new();
    for node in nodes {
        visit(node, edges, &mut seen, &mut order);
    }
    let mut reversed: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, tos) in edges {
        for to in tos {
            reversed.entry(to.clone()).or_default().insert(from.clone());
        }
    }
    let mut seen = BTreeSet::new();
    let mut components = Vec::new();
    for node in order.iter().rev() {
        let mut component = Vec::new();
        visit(node, &reversed, &mut seen, &mut component);
        if !component.is_empty() {
            component.sort();
            components.push(component);
        }
    }
    components
}

fn crate_src(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(dir)
        .join("src")
}

#[test]
fn every_crate_imports_one_way() {
    let mut found = Vec::new();
    for dir in ["runtime", "macros", "local-server", "xtask"] {
        let src = crate_src(dir);
        assert!(src.is_dir(), "{}", src.display());
        for circle in circles(&src) {
            found.push(format!("{dir}: {}", circle.join(" ↔ ")));
        }
    }
    assert!(
        found.is_empty(),
        "modules that import each other:\n{}",
        found.join("\n")
    );
}

/// The check itself finds a circle, so the test above cannot pass by reading nothing.
#[test]
fn a_circle_is_found() {
    let dir = std::env::temp_dir().join(format!("module-graph-{}", std::process::id()));
    fs::create_dir_all(dir.join("list")).unwrap();
    fs::write(
        dir.join("lib.rs"),
        "mod client;\nmod list;\npub use client::Client;\npub use list::List;\n",
    )
    .unwrap();
    fs::write(
        dir.join("client.rs"),
        "use crate::List;\npub struct Client;\n",
    )
    .unwrap();
    fs::write(
        dir.join("list.rs"),
        "mod page;\nuse crate::client::Client;\npub use self::page::Page;\npub struct List;\n",
    )
    .unwrap();
    fs::write(
        dir.join("list/page.rs"),
        "use super::List;\npub struct Page;\n",
    )
    .unwrap();
    let found = circles(&dir);
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found, [vec!["client".to_owned(), "list".to_owned()]]);
}
