//! One TwiML element and how it is written as XML.

use std::collections::BTreeMap;
use std::fmt::{self, Display, Write as _};

/// Any TwiML element: a name, attributes and children. Every verb converts into one; use it
/// directly for a verb, noun or attribute this crate has no method for yet.
///
/// Attributes are written sorted by name, so the output is the same whatever order they were
/// set in; setting one twice keeps the last value. Values take anything `Display`, so booleans
/// are written `true` and `false`.
///
/// ```
/// use twilio_resource::twiml::{Element, VoiceResponse};
///
/// let stream = Element::new("Connect")
///     .child(Element::new("Stream").attr("url", "wss://example.com/audio").attr("track", "both_tracks"));
/// let xml = VoiceResponse::new().push(stream).to_xml();
/// assert!(xml.contains(r#"<Connect><Stream track="both_tracks" url="wss://example.com/audio"/></Connect>"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    name: String,
    attributes: BTreeMap<String, String>,
    children: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// An element named `name` (`Say`, `Dial`, …), with nothing in it.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            attributes: BTreeMap::new(),
            children: Vec::new(),
        }
    }

    /// Sets the attribute `name` (written as given, e.g. `statusCallback`).
    pub fn attr(mut self, name: impl Into<String>, value: impl Display) -> Self {
        self.attributes.insert(name.into(), value.to_string());
        self
    }

    /// Appends text (escaped when written).
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.children.push(Node::Text(text.into()));
        self
    }

    /// Appends a child element.
    pub fn child(mut self, child: impl Into<Element>) -> Self {
        self.children.push(Node::Element(child.into()));
        self
    }

    /// The element's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub(crate) fn write(&self, out: &mut String) {
        out.push('<');
        push_name(out, &self.name);
        for (name, value) in &self.attributes {
            out.push(' ');
            push_name(out, name);
            out.push_str("=\"");
            push_escaped(out, value, true);
            out.push('"');
        }
        if self.children.is_empty() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        for child in &self.children {
            match child {
                Node::Element(element) => element.write(out),
                Node::Text(text) => push_escaped(out, text, false),
            }
        }
        out.push_str("</");
        push_name(out, &self.name);
        out.push('>');
    }
}

/// The document: the XML declaration and `root`.
pub(crate) fn document(root: &Element) -> String {
    let mut out = String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    root.write(&mut out);
    out
}

/// A name as given, without the characters that would end it and start markup (names come from
/// code, not from callers' input, but a typo must not produce a broken document).
fn push_name(out: &mut String, name: &str) {
    out.extend(
        name.chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')),
    );
}

/// `text` with `&`, `<`, `>` (and in attributes `"` and `'`) escaped, and the characters XML 1.0
/// cannot hold (control characters other than tab, line feed and carriage return) left out.
fn push_escaped(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            // Kept exactly, as a reference, so a parser does not normalise them to spaces.
            '\t' | '\n' | '\r' if attribute => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

impl fmt::Display for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write(&mut out);
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_sorted() {
        let element = Element::new("Say")
            .attr("voice", "a\"b'c<&>")
            .attr("loop", 2)
            .attr("bargeIn", true)
            .text("Tom & Jerry <3 \"quotes\"\u{0}\u{7}\tok");
        assert_eq!(
            element.to_string(),
            "<Say bargeIn=\"true\" loop=\"2\" voice=\"a&quot;b&apos;c&lt;&amp;&gt;\">\
             Tom &amp; Jerry &lt;3 \"quotes\"\tok</Say>"
        );
        assert_eq!(
            Element::new("Hangup").attr("x", "line\nbreak").to_string(),
            "<Hangup x=\"line&#10;break\"/>"
        );
        assert_eq!(
            Element::new("Bad\"><x").to_string(),
            "<Badx/>",
            "a name cannot inject markup"
        );
    }
}
