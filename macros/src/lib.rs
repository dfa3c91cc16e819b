//! The `#[twilio_resource]` attribute macro of [`twilio-resource`].
//!
//! Do not add this crate to your `Cargo.toml`: depend on [`twilio-resource`], which re-exports the
//! attribute together with the runtime (client, errors, retries) that the generated code calls, and
//! pins this crate to its own exact version. The attribute's documentation and examples are in
//! [`twilio-resource`]'s crate docs; this crate alone is not useful.
//!
//! Inside, the pipeline reads top to bottom: `args` parses the attribute's keys, `template` parses
//! the path template and derives its collection, `model` validates everything into one typed
//! resource (collecting every error, with guesses from `suggest`), and `expand` turns that model
//! into code, one small function per operation.
//!
//! [`twilio-resource`]: https://docs.rs/twilio-resource

mod args;
mod case;
mod expand;
mod model;
mod suggest;
mod template;

/// Derives a Twilio REST resource: the serde model, the `Resource` impl, path builders and one
/// method per declared operation (`fetch`, `list`, `create`, `update`, `delete`).
///
/// See the `twilio-resource` crate for the full documentation and examples.
#[proc_macro_attribute]
pub fn twilio_resource(
    args: proc_macro::TokenStream,
    item: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    expand::expand(args.into(), item.into()).into()
}
