//! Twilio's descriptions → doc comments rustdoc renders as written: markdown links made absolute
//! to <https://www.twilio.com>, bare URLs linked, brackets and angle brackets that are not
//! markdown escaped, lines unindented (an indented line would be a code block, run as a test).

const SITE: &str = "https://www.twilio.com";

/// `///` lines with `indent` before each, for a description (any text), ending in a newline.
pub fn comment(text: &str, indent: &str) -> String {
    let mut out = String::new();
    for line in lines(text) {
        if line.is_empty() {
            out.push_str(&format!("{indent}///\n"));
        } else {
            out.push_str(&format!("{indent}/// {line}\n"));
        }
    }
    out
}

/// The text's lines, cleaned; no leading, trailing or doubled empty lines.
pub fn lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in text.replace("\r\n", "\n").replace('\r', "\n").split('\n') {
        let line = clean(raw.trim());
        if line.is_empty() && out.last().is_none_or(String::is_empty) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// One line: code spans kept as they are; outside them markdown links made absolute, bare URLs
/// put in `<…>`, other `[`, `]`, `<`, `>` escaped.
fn clean(line: &str) -> String {
    let line = line.replace("```", "`");
    let mut out = String::with_capacity(line.len() + 16);
    let mut rest = line.as_str();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('`') {
            if let Some(end) = after.find('`') {
                out.push('`');
                out.push_str(&after[..=end]);
                rest = &after[end + 1..];
                continue;
            }
            out.push_str("\\`");
            rest = after;
            continue;
        }
        if rest.starts_with('[')
            && let Some((text, target, len)) = markdown_link(rest)
        {
            let target = absolute(target);
            out.push('[');
            out.push_str(&escape(text));
            out.push_str("](");
            out.push_str(&target);
            out.push(')');
            rest = &rest[len..];
            continue;
        }
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let end = rest
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | ')' | ']'))
                .unwrap_or(rest.len());
            let url = rest[..end].trim_end_matches(['.', ',', ';', ':']);
            out.push('<');
            out.push_str(url);
            out.push('>');
            rest = &rest[url.len()..];
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push_str(&escape(&c.to_string()));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `[text](target)` at the start of `text`: (text, target, bytes used).
fn markdown_link(text: &str) -> Option<(&str, &str, usize)> {
    let close = text.find("](")?;
    let label = &text[1..close];
    if label.contains(['[', ']']) {
        return None;
    }
    let target_start = close + 2;
    let end = text[target_start..].find(')')? + target_start;
    let target = &text[target_start..end];
    if target.contains(char::is_whitespace) || target.is_empty() {
        return None;
    }
    Some((label, target, end + 1))
}

fn absolute(target: &str) -> String {
    if target.starts_with('/') {
        format!("{SITE}{target}")
    } else if target.starts_with("http://")
        || target.starts_with("https://")
        || target.starts_with("mailto:")
    {
        target.to_owned()
    } else if target.starts_with('#') {
        // An anchor on a page we do not render: the text alone says what it meant.
        String::from(SITE)
    } else {
        format!("{SITE}/{target}")
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '[' | ']' | '<' | '>' | '*' | '_' | '\\' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_absolute_and_text_is_escaped() {
        assert_eq!(
            clean("See [the docs](/docs/sms) and [E.164](https://e.example/x)."),
            "See [the docs](https://www.twilio.com/docs/sms) and [E.164](https://e.example/x)."
        );
        assert_eq!(
            clean("Use https://a.example/b."),
            "Use <https://a.example/b>."
        );
        assert_eq!(
            clean("`DateSent<` or DateSent<"),
            "`DateSent<` or DateSent\\<"
        );
        assert_eq!(clean("[Sid] of it"), "\\[Sid\\] of it");
        assert_eq!(clean("```json {}```"), "`json {}`");
    }

    #[test]
    fn lines_are_unindented_and_blank_runs_collapse() {
        assert_eq!(lines("a\n\n\n    b\n\n"), ["a", "", "b"]);
    }
}
