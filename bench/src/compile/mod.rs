//! The compile-time benchmark's machinery: the crates it builds (one per [`Variant`]), the cargo
//! runs that time them, their code-size readings, and the tables it prints; and the catalog's
//! build, product by product.

pub mod catalog;
mod report;
mod variant;

pub use report::{Row, print_sizes, print_timings};
pub use variant::{CodeSize, Variant, cargo, rustc_version};
