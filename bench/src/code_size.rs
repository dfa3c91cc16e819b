//! Code-size readings of a built crate, stable toolchain only: its `.rlib`'s size, and from its
//! LLVM IR (`--emit=llvm-ir`) the functions it defines (each monomorphized copy counts) and their
//! lines, counted the way `cargo llvm-lines` counts them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What one crate's LLVM IR holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IrCount {
    /// Function definitions: every monomorphized copy of a generic function counts once.
    pub functions: usize,
    /// Instruction lines inside those definitions (as `cargo llvm-lines` counts: lines indented by
    /// exactly two spaces; labels and the `define` and `}` lines are not counted).
    pub lines: usize,
    /// All lines of the file, declarations and metadata included.
    pub file_lines: usize,
    /// Per function (demangled, without its hash): copies and lines, largest first.
    pub by_function: Vec<(String, usize, usize)>,
}

/// Counts `ir`, the text of one `.ll` file.
pub fn count_ir(ir: &str) -> IrCount {
    let mut count = IrCount::default();
    let mut by_function: HashMap<String, (usize, usize)> = HashMap::new();
    let mut current: Option<String> = None;
    let mut lines = 0;
    for line in ir.lines() {
        count.file_lines += 1;
        if line.starts_with("define ") {
            current = Some(function_name(line));
            lines = 0;
        } else if line == "}" {
            if let Some(name) = current.take() {
                count.functions += 1;
                count.lines += lines;
                let entry = by_function.entry(name).or_default();
                entry.0 += 1;
                entry.1 += lines;
            }
        } else if current.is_some() && line.starts_with("  ") && !line.starts_with("   ") {
            lines += 1;
        }
    }
    let mut by_function: Vec<(String, usize, usize)> = by_function
        .into_iter()
        .map(|(name, (copies, lines))| (name, copies, lines))
        .collect();
    by_function.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    count.by_function = by_function;
    count
}

/// The demangled name (no hash) of the function a `define` line defines.
fn function_name(line: &str) -> String {
    let symbol = line
        .find('@')
        .map(|at| &line[at + 1..])
        .and_then(|rest| rest.find('(').map(|end| &rest[..end]))
        .unwrap_or(line)
        .trim_matches('"');
    format!("{:#}", rustc_demangle::demangle(symbol))
}

/// The newest file in `dir` whose name starts with `prefix` and ends with `suffix`.
///
/// # Errors
///
/// When `dir` cannot be read or holds no such file.
pub fn newest(dir: &Path, prefix: &str, suffix: &str) -> Result<PathBuf, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut found: Option<(std::time::SystemTime, PathBuf)> = None;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(prefix) && name.ends_with(suffix)) {
            continue;
        }
        let modified = entry
            .metadata()
            .and_then(|m| m.modified())
            .map_err(|e| e.to_string())?;
        if found.as_ref().is_none_or(|(newest, _)| modified > *newest) {
            found = Some((modified, entry.path()));
        }
    }
    found
        .map(|(_, path)| path)
        .ok_or_else(|| format!("no {prefix}*{suffix} in {}", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const IR: &str = r#"; ModuleID = 'x.0'
@vtable = private constant [1 x ptr] [ptr @_ZN3foo3bar17h0123456789abcdefE]

define internal void @_ZN3foo3bar17h0123456789abcdefE(ptr %x) unnamed_addr {
start:
  %a = alloca [8 x i8], align 8
  store ptr %x, ptr %a, align 8
  br label %bb1

bb1:
  ret void
}

define internal void @_ZN3foo3bar17hfedcba9876543210E(ptr %x) unnamed_addr {
start:
  ret void
}

define void @"_ZN3baz4quux17h00000000000000ffE"() {
start:
  call void @llvm.foo(i64 1,
      i64 2)
  ret void
}

declare void @llvm.foo(i64, i64)
"#;

    #[test]
    fn counts_functions_copies_and_instruction_lines() {
        let count = count_ir(IR);
        assert_eq!(count.functions, 3);
        // 4 in the first copy of bar, 1 in the second, 2 in quux (the continuation is not one).
        assert_eq!(count.lines, 7);
        assert_eq!(count.file_lines, IR.lines().count());
        assert_eq!(
            count.by_function,
            vec![
                ("foo::bar".to_owned(), 2, 5),
                ("baz::quux".to_owned(), 1, 2)
            ]
        );
    }

    #[test]
    fn empty_ir_counts_nothing() {
        assert_eq!(count_ir(""), IrCount::default());
    }

    #[test]
    fn newest_names_what_is_missing() {
        let error = newest(Path::new("/nonexistent-compile-bench-dir"), "lib", ".rlib")
            .expect_err("no such directory");
        assert!(error.contains("/nonexistent-compile-bench-dir"), "{error}");
    }
}
