//! Writing generated files, or (`--check`) comparing them with what is checked in.

use std::fs;
use std::path::Path;

/// A generated file: its path from the workspace root and its text.
#[derive(Debug)]
pub struct File {
    pub path: String,
    pub text: String,
}

/// Writes each file whose text changed; with `check`, writes nothing and fails naming every file
/// that differs or is missing.
pub fn write_or_check(root: &Path, files: &[File], check: bool) -> Result<(), String> {
    let mut stale = Vec::new();
    for file in files {
        let path = root.join(&file.path);
        let current = fs::read_to_string(&path).ok();
        if current.as_deref() == Some(file.text.as_str()) {
            continue;
        }
        if check {
            stale.push(file.path.as_str());
            continue;
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&path, &file.text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "generated files are out of date (run the command without --check): {}",
            stale.join(", ")
        ))
    }
}
