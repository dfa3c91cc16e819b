//! Shared pieces of the benchmarks and the soak run: the example's generated model, its
//! hand-written twin, the local server in a child process, `/proc` readings and statistics.

/// The example's `#[twilio_resource]` models (`examples/models/`), the very definitions it runs.
pub use twilio_resource_examples as example;

pub mod bench_crates;
pub mod code_size;
pub mod compile;
pub mod hand_written;
pub mod instructions;
pub mod lifecycle;
pub mod process;
pub mod resources;
pub mod server;
pub mod stats;

// The macro's own name conversion and template parser (syn-free), so the hand-written crate of the
// compile-time benchmark gets exactly the segments and parameter names the attribute would.
#[allow(dead_code)]
#[path = "../../macros/src/case.rs"]
mod case;
#[allow(dead_code)]
#[path = "../../macros/src/template.rs"]
mod template;
