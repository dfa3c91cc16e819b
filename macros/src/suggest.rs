//! "Did you mean …?": the closest of a list of valid names to a misspelled one.

/// The candidate a user most likely meant by `typed`, if one is close enough to guess.
///
/// In order: the same name in another case (`Snake_Case` → `snake_case`); a name that `typed`
/// starts or is one `_`-separated part of (`base` → `base_url`, `method` → `update_method`); the
/// candidate within an edit distance of a third of the name (at least 1), ignoring case. The
/// distance is optimal string alignment: two swapped neighbours count as one edit, the commonest
/// slip (`lsit` → `list`). On a tie the candidate listed first wins, so callers list the likelier
/// names first (`craete` is one edit from `crate` and from `create`).
pub fn closest<'a>(typed: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = typed.to_ascii_lowercase();
    if let Some(same) = candidates.iter().find(|c| c.eq_ignore_ascii_case(typed)) {
        return Some(same);
    }
    if lower.len() >= 3 {
        let part_of = candidates.iter().find(|c| {
            let c = c.to_ascii_lowercase();
            c.starts_with(&lower) || c.split(['_', '-']).any(|part| part == lower)
        });
        if let Some(part_of) = part_of {
            return Some(part_of);
        }
    }
    let limit = (typed.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (strsim::osa_distance(&lower, &c.to_ascii_lowercase()), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;
    use strsim::osa_distance as distance;

    /// As the attribute lists them: operations first, so they win ties.
    const KEYS: &[&str] = &[
        "fetch",
        "list",
        "create",
        "update",
        "delete",
        "path",
        "base_url",
        "rename_all",
        "body",
        "update_method",
        "idempotency_key",
        "crate",
    ];

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("renameall", "rename_all"), 1);
        assert_eq!(distance("délete", "delete"), 1);
        assert_eq!(distance("lsit", "list"), 1);
        assert_eq!(distance("craete", "create"), 1);
        assert_eq!(distance("craete", "crate"), 1);
    }

    #[test]
    fn guesses_misspelled_keys() {
        assert_eq!(closest("renam_all", KEYS), Some("rename_all"));
        assert_eq!(closest("rename", KEYS), Some("rename_all"));
        assert_eq!(closest("base", KEYS), Some("base_url"));
        assert_eq!(closest("base_uri", KEYS), Some("base_url"));
        assert_eq!(closest("url", KEYS), Some("base_url"));
        assert_eq!(closest("method", KEYS), Some("update_method"));
        assert_eq!(closest("idempotency", KEYS), Some("idempotency_key"));
        assert_eq!(closest("delet", KEYS), Some("delete"));
        assert_eq!(closest("lst", KEYS), Some("list"));
        assert_eq!(closest("creat", KEYS), Some("create"));
        assert_eq!(closest("Fetch", KEYS), Some("fetch"));
        assert_eq!(closest("upd", KEYS), Some("update"));
        assert_eq!(closest("udpate_method", KEYS), Some("update_method"));
        assert_eq!(closest("bsae_url", KEYS), Some("base_url"));
    }

    #[test]
    fn a_swap_of_neighbours_is_one_edit_and_operations_win_ties() {
        assert_eq!(closest("lsit", KEYS), Some("list"));
        assert_eq!(closest("fecth", KEYS), Some("fetch"));
        assert_eq!(closest("craete", KEYS), Some("create"));
        assert_eq!(closest("deltee", KEYS), Some("delete"));
        assert_eq!(closest("udpate", KEYS), Some("update"));
        assert_eq!(closest("ptah", KEYS), Some("path"));
        assert_eq!(closest("colour", KEYS), None);
        assert_eq!(closest("x", KEYS), None);
        assert_eq!(closest("", KEYS), None);
    }

    #[test]
    fn guesses_misspelled_values() {
        let rules = &["lowercase", "camelCase", "snake_case", "kebab-case"];
        assert_eq!(closest("camelcase", rules), Some("camelCase"));
        assert_eq!(closest("snakecase", rules), Some("snake_case"));
        assert_eq!(closest("snake-case", rules), Some("snake_case"));
        assert_eq!(closest("Title Case", rules), None);
        assert_eq!(closest("post", &["POST", "PUT", "PATCH"]), Some("POST"));
        assert_eq!(closest("GET", &["POST", "PUT", "PATCH"]), None);
        assert_eq!(closest("xml", &["form", "json"]), None);
    }
}
