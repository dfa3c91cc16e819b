#!/usr/bin/env python3
"""Fails on the links rustdoc leaves broken without a warning, in the published crates' pages.

`RUSTDOCFLAGS="-D warnings"` already makes rustdoc's lints errors, among them
`rustdoc::broken_intra_doc_links` (a link to nothing), `rustdoc::private_intra_doc_links` (public
docs linking a private item), `rustdoc::invalid_html_tags` and `rustdoc::bare_urls`. Two kinds of
broken link pass them all, and this script finds them in the generated HTML:

- a link rustdoc resolved to an item of a crate whose pages it cannot place (`cargo doc
  --no-deps`, and no `html_root_url`): it writes the path itself as the address
  (`href="futures_core::Stream"`), or, in an item's one-line summary, the brackets as text
  (`[<code>Stream</code>]`);
- a link to docs.rs pages of this workspace's crates, which are not published yet.

Only what the crates write themselves is read: each page up to its trait implementations, whose
method docs come from the traits' own crates.

Usage: tools/check_doc_links.py <target/doc>
"""

import pathlib
import re
import sys

CRATES = ["twilio_resource", "twilio_resource_macros", "twilio_local_server"]
# Where rustdoc's own sections about trait impls begin (in this order on a page).
FOREIGN_SECTIONS = re.compile(
    r'id="(trait-implementations|synthetic-implementations|blanket-implementations)"'
)
CHECKS = [
    (
        re.compile(r'href="(?!https?:)[^"#]*::[^"]*"'),
        "a link resolved to an item rustdoc could not place: link a re-export, or write the "
        "docs.rs address of a published crate",
    ),
    (
        re.compile(r"\[<code>[^<]*</code>\]"),
        "brackets printed as text: a link rustdoc could not place, in a summary",
    ),
    (
        re.compile(r'href="https?://docs\.rs/twilio[-_][^"]*"'),
        "a docs.rs address of an unpublished crate of this workspace: use an intra-doc link",
    ),
]


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    root = pathlib.Path(sys.argv[1])
    problems = []
    pages = 0
    for crate in CRATES:
        folder = root / crate
        if not folder.is_dir():
            problems.append(f"{folder}: no pages (run cargo doc --workspace first)")
            continue
        for page in sorted(folder.rglob("*.html")):
            pages += 1
            text = page.read_text(encoding="utf-8", errors="replace")
            own = FOREIGN_SECTIONS.split(text, maxsplit=1)[0]
            for pattern, why in CHECKS:
                for match in pattern.finditer(own):
                    problems.append(f"{page.relative_to(root)}: {match.group(0)}: {why}")
    for problem in dict.fromkeys(problems):
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"doc links: {pages} pages of {', '.join(CRATES)} checked, none broken")
    return 0


if __name__ == "__main__":
    sys.exit(main())
