//! The tables `compile-bench` prints: build times per variant, and the code-size table (crate
//! alone: build time, `.rlib` bytes, IR lines, functions), each with its ratios.

use crate::bench_crates::Style;
use crate::stats::Summary;

use super::variant::{CodeSize, Variant};

/// One variant's figures for the code-size table.
#[derive(Debug, Clone)]
pub struct Row {
    /// The variant's label.
    pub label: String,
    /// Its style.
    pub style: Style,
    /// Clean build of the crate alone, seconds.
    pub time: Summary,
    /// Its code size.
    pub size: CodeSize,
}

/// A ratio to print: its name, and the indices of the numerator and denominator variants.
struct Ratio {
    name: String,
    over: usize,
    under: usize,
}

/// A label's first word (`before-generated` → `before`), to keep ratio names short.
fn short(label: &str) -> &str {
    label.split('-').next().unwrap_or(label)
}

/// Every generated variant over the hand-written one; the second generated variant over the
/// first (after / before) when there are two.
fn ratios(variants: &[(&str, Style)]) -> Vec<Ratio> {
    let hand = variants.iter().position(|(_, s)| *s == Style::HandWritten);
    let generated: Vec<usize> = (0..variants.len())
        .filter(|&at| variants[at].1 == Style::Generated)
        .collect();
    let mut out = Vec::new();
    if let Some(hand) = hand {
        for &at in &generated {
            out.push(Ratio {
                name: format!("{} / {}", short(variants[at].0), short(variants[hand].0)),
                over: at,
                under: hand,
            });
        }
    }
    if let [before, after] = generated[..] {
        out.push(Ratio {
            name: format!(
                "{} / {}",
                short(variants[after].0),
                short(variants[before].0)
            ),
            over: after,
            under: before,
        });
    }
    out
}

fn ratio(over: f64, under: f64) -> String {
    if under > 0.0 {
        format!("{:.2}x", over / under)
    } else {
        "-".to_owned()
    }
}

/// The timings: one line per measurement, a column per variant, then the ratios of the medians.
pub fn print_timings(variants: &[Variant], table: &[(&str, Vec<Summary>)]) {
    let names: Vec<(&str, Style)> = variants
        .iter()
        .map(|v| (v.label.as_str(), v.style))
        .collect();
    let ratios = ratios(&names);
    let mut header = format!("\n{:<36}", "seconds, median (min–max)");
    for (label, _) in &names {
        header.push_str(&format!(" {label:>22}"));
    }
    for r in &ratios {
        header.push_str(&format!("  {}", r.name));
    }
    println!("{header}");
    for (label, summaries) in table {
        let mut line = format!("{label:<36}");
        for s in summaries {
            line.push_str(&format!(
                " {:>22}",
                format!("{:.2} ({:.2}–{:.2})", s.median, s.min, s.max)
            ));
        }
        for r in &ratios {
            let cell = ratio(summaries[r.over].median, summaries[r.under].median);
            line.push_str(&format!("  {cell:>width$}", width = r.name.len()));
        }
        println!("{line}");
    }
}

/// The code-size table for `resources` resources, its ratios, and each variant's largest
/// functions by IR lines (`top` of them).
pub fn print_sizes(rows: &[Row], resources: usize, top: usize) {
    let per = |n: usize| n as f64 / resources.max(1) as f64;
    println!(
        "\n{:<18} {:>26} {:>12} {:>10} {:>10} {:>14} {:>14}",
        "crate alone, debug",
        "build s, median (min–max)",
        "rlib bytes",
        "IR lines",
        "functions",
        "IR lines/res.",
        "functions/res."
    );
    for row in rows {
        let t = row.time;
        println!(
            "{:<18} {:>26} {:>12} {:>10} {:>10} {:>14.1} {:>14.1}",
            row.label,
            format!("{:.2} ({:.2}–{:.2})", t.median, t.min, t.max),
            row.size.rlib_bytes,
            row.size.ir.lines,
            row.size.ir.functions,
            per(row.size.ir.lines),
            per(row.size.ir.functions)
        );
    }
    let names: Vec<(&str, Style)> = rows.iter().map(|r| (r.label.as_str(), r.style)).collect();
    for r in ratios(&names) {
        let (a, b) = (&rows[r.over], &rows[r.under]);
        println!(
            "{:<18} {:>26} {:>12} {:>10} {:>10}",
            r.name,
            ratio(a.time.median, b.time.median),
            ratio(a.size.rlib_bytes as f64, b.size.rlib_bytes as f64),
            ratio(a.size.ir.lines as f64, b.size.ir.lines as f64),
            ratio(a.size.ir.functions as f64, b.size.ir.functions as f64),
        );
    }
    for row in rows {
        println!(
            "\n{}: largest functions by IR lines (copies, lines)",
            row.label
        );
        for (name, copies, lines) in row.size.ir.by_function.iter().take(top) {
            println!("  {lines:>8} {copies:>6}  {name}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_put_generated_over_hand_written_and_after_over_before() {
        let names = [
            ("before-generated", Style::Generated),
            ("after-generated", Style::Generated),
            ("hand-written", Style::HandWritten),
        ];
        let found: Vec<(String, usize, usize)> = ratios(&names)
            .into_iter()
            .map(|r| (r.name, r.over, r.under))
            .collect();
        assert_eq!(
            found,
            vec![
                ("before / hand".to_owned(), 0, 2),
                ("after / hand".to_owned(), 1, 2),
                ("after / before".to_owned(), 1, 0),
            ]
        );
        let two = [
            ("generated", Style::Generated),
            ("hand-written", Style::HandWritten),
        ];
        assert_eq!(ratios(&two).len(), 1);
        assert_eq!(ratio(1.0, 0.0), "-");
        assert_eq!(ratio(3.0, 2.0), "1.50x");
    }
}
