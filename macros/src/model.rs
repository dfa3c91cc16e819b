//! The validated resource: everything `expand` needs, checked once, with every error collected.

use proc_macro2::Span;
use syn::punctuated::Punctuated;
use syn::{Data, DeriveInput, Fields, LitStr, Token};

use crate::args::{self, Args};
use crate::case::RENAME_RULES;
use crate::template::{self, Template};

/// Twilio's v2 APIs live here; older products name their own host with `base_url`.
pub const DEFAULT_BASE_URL: &str = "https://conversations.twilio.com";
/// The v2 JSON convention; Twilio's older APIs use `snake_case`.
pub const DEFAULT_RENAME_ALL: &str = "camelCase";
/// Where generated code finds the runtime unless `crate = "…"` says otherwise.
pub const DEFAULT_CRATE: &str = "::twilio_resource";

/// A resource that passed every check.
pub struct Resource {
    /// The user's struct, attributes and fields untouched.
    pub item: DeriveInput,
    /// The template string as written, for docs and the `Resource` trait.
    pub path_text: String,
    pub template: Template,
    pub base_url: String,
    pub rename_all: String,
    pub krate: syn::Path,
}

/// Validates the arguments and the item together; on failure returns every error combined.
pub fn build(
    args: &Args,
    mut errors: Vec<syn::Error>,
    item: &DeriveInput,
) -> Result<Resource, syn::Error> {
    check_item(item, &mut errors);

    let template = match &args.path {
        None if args.refused.iter().any(|key| key == args::PATH) => None,
        None => {
            errors.push(syn::Error::new(
                Span::call_site(),
                "#[twilio_resource] needs a `path`, like #[twilio_resource(path = \"/v2/Conversations/<ConversationSid>/Participants/<Sid>\")]",
            ));
            None
        }
        Some(lit) => match template::parse(&lit.value()) {
            Ok(template) => Some(template),
            Err(found) => {
                errors.extend(found.into_iter().map(|e| syn::Error::new(lit.span(), e)));
                None
            }
        },
    };
    let base_url = checked(
        &args.base_url,
        DEFAULT_BASE_URL,
        check_base_url,
        &mut errors,
    );
    let rename_all = checked(
        &args.rename_all,
        DEFAULT_RENAME_ALL,
        check_rename_all,
        &mut errors,
    );
    let krate = krate_path(args, &mut errors);

    match (combine(errors), template) {
        (None, Some(template)) => Ok(Resource {
            item: item.clone(),
            path_text: args.path.as_ref().map(LitStr::value).unwrap_or_default(),
            template,
            base_url,
            rename_all,
            krate,
        }),
        (Some(error), _) => Err(error),
        // Unreachable in practice: a missing template always records an error.
        (None, None) => Err(syn::Error::new(
            Span::call_site(),
            "#[twilio_resource] needs a `path`",
        )),
    }
}

/// The runtime path from `crate = "…"`, or the default; used for the fallback expansion too.
pub fn krate_path(args: &Args, errors: &mut Vec<syn::Error>) -> syn::Path {
    let default = || syn::parse_str(DEFAULT_CRATE).expect("the default crate path parses");
    match &args.krate {
        None => default(),
        Some(lit) => lit.parse::<syn::Path>().unwrap_or_else(|_| {
            errors.push(syn::Error::new(
                lit.span(),
                format!(
                    "`crate` must be a path, like crate = \"::twilio_resource\"; got {:?}",
                    lit.value()
                ),
            ));
            default()
        }),
    }
}

fn checked(
    value: &Option<LitStr>,
    default: &str,
    check: fn(&str) -> Result<(), String>,
    errors: &mut Vec<syn::Error>,
) -> String {
    match value {
        None => default.to_owned(),
        Some(lit) => {
            let text = lit.value();
            if let Err(message) = check(&text) {
                errors.push(syn::Error::new(lit.span(), message));
            }
            text
        }
    }
}

/// An absolute http(s) URL with a host and nothing after it: generated code appends the path.
fn check_base_url(url: &str) -> Result<(), String> {
    let example = "like \"https://conversations.twilio.com\"";
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return Err(format!(
            "`base_url` must be an absolute http:// or https:// URL, {example}; got {url:?}"
        ));
    };
    let host_and_port = rest.strip_suffix('/').unwrap_or(rest);
    if host_and_port.is_empty() {
        return Err(format!(
            "`base_url` {url:?} has no host; write it {example}"
        ));
    }
    if let Some(bad) = host_and_port
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "-.:[]".contains(*c)))
    {
        let what = match bad {
            '/' => "a path".to_owned(),
            '?' => "a query".to_owned(),
            '#' => "a fragment".to_owned(),
            '@' => "credentials".to_owned(),
            other => format!("{other:?}"),
        };
        return Err(format!(
            "`base_url` must be scheme, host and optional port only, {example}; {url:?} has {what} (the resource path goes in `path`)"
        ));
    }
    Ok(())
}

fn check_rename_all(rule: &str) -> Result<(), String> {
    if RENAME_RULES.contains(&rule) {
        return Ok(());
    }
    let valid: Vec<String> = RENAME_RULES.iter().map(|r| format!("\"{r}\"")).collect();
    Err(format!(
        "unknown `rename_all` rule {rule:?}; valid rules are {}",
        valid.join(", ")
    ))
}

/// The item must be a non-generic struct with named fields that does not derive serde itself.
fn check_item(item: &DeriveInput, errors: &mut Vec<syn::Error>) {
    let hint = "#[twilio_resource] goes on a struct with named fields";
    match &item.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(_) => {}
            Fields::Unnamed(fields) => errors.push(syn::Error::new_spanned(
                fields,
                format!("{hint}; a tuple struct has no field names to map to JSON keys"),
            )),
            Fields::Unit => errors.push(syn::Error::new_spanned(
                &item.ident,
                format!("{hint}; a unit struct has no fields to decode a response into"),
            )),
        },
        Data::Enum(data) => errors.push(syn::Error::new_spanned(
            data.enum_token,
            format!("{hint}, not an enum; derive serde on enums used as field types instead"),
        )),
        Data::Union(data) => errors.push(syn::Error::new_spanned(
            data.union_token,
            format!("{hint}, not a union"),
        )),
    }
    if !item.generics.params.is_empty() {
        errors.push(syn::Error::new_spanned(
            &item.generics,
            "generic resources are not supported: a resource decodes one fixed JSON shape; use concrete field types",
        ));
    }
    for path in serde_derives(item) {
        let name = path
            .segments
            .last()
            .map(|last| last.ident.to_string())
            .unwrap_or_default();
        errors.push(syn::Error::new_spanned(
            &path,
            format!("#[twilio_resource] already derives `{name}`; remove it from this derive"),
        ));
    }
    for attr in item
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("serde"))
    {
        check_serde(attr, errors);
    }
}

/// The `Serialize`/`Deserialize` paths the user derives; they are ours to derive, so a second derive
/// would be a confusing conflict.
pub fn serde_derives(item: &DeriveInput) -> Vec<syn::Path> {
    let derives = item
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("derive"));
    // A malformed derive is left for rustc to report.
    let paths = derives.filter_map(|attr| {
        attr.parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
            .ok()
    });
    paths
        .flatten()
        .filter(|path| {
            path.segments
                .last()
                .is_some_and(|last| last.ident == "Serialize" || last.ident == "Deserialize")
        })
        .collect()
}

/// Container-level `rename_all` and `crate` are set by us; other serde container attributes are kept.
fn check_serde(attr: &syn::Attribute, errors: &mut Vec<syn::Error>) {
    let _ = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("rename_all") {
            errors.push(meta.error(
                "set `rename_all` on #[twilio_resource(rename_all = \"…\")] instead of #[serde(...)]",
            ));
        } else if meta.path.is_ident("crate") {
            errors.push(meta.error(
                "#[twilio_resource] sets serde's `crate` itself; use #[twilio_resource(crate = \"…\")] to move the runtime",
            ));
        }
        // Consume the value of any key so the next one is read; serde checks the rest.
        args::skip_value(&meta)
    });
}

fn combine(errors: Vec<syn::Error>) -> Option<syn::Error> {
    errors.into_iter().reduce(|mut all, next| {
        all.combine(next);
        all
    })
}
