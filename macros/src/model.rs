//! The validated resource: everything `expand` needs, checked once, with every error collected.
//!
//! A mistake does not stop the model: each refused value is replaced by the default (or by the
//! value the misspelling most likely meant), so the expansion still generates every method it can
//! and the user sees the one error, not a second one at each call site.

use proc_macro2::{Ident, Span};
use syn::punctuated::Punctuated;
use syn::{Data, DeriveInput, Fields, LitStr, Token};

use crate::args::{self, Args, OpKind, OperationDoc, PageSize};
use crate::case::RENAME_RULES;
use crate::suggest;
use crate::template::{self, Template};

/// Twilio's v2 APIs live here; older products name their own host with `base_url`.
pub const DEFAULT_BASE_URL: &str = "https://conversations.twilio.com";
/// The v2 JSON convention; Twilio's older APIs use `snake_case`.
pub const DEFAULT_RENAME_ALL: &str = "camelCase";
/// The `body` values, as the attribute spells them.
pub const BODY_FORMATS: &[&str] = &["form", "json"];
/// The `update_method` values, as the attribute spells them.
pub const UPDATE_METHODS: &[&str] = &["POST", "PUT", "PATCH"];

/// A resource as far as it could be checked; `build` returns the errors next to it.
pub struct Resource {
    /// The user's struct, attributes and fields untouched.
    pub item: DeriveInput,
    pub serde: Serde,
    pub krate: syn::Path,
    /// `None` when no impl can be generated: the path was refused, or the item is generic or a union.
    pub address: Option<Address>,
    /// Without a trailing `/`.
    pub base_url: String,
    pub protocol: Protocol,
    pub operations: Operations,
}

/// Where the resource lives.
pub struct Address {
    pub path: Template,
    /// Where `list` and `create` go; `None` when the path has none (then neither is generated).
    pub collection: Option<Template>,
}

/// What the expansion adds for serde: only what the user did not write themselves.
pub struct Serde {
    pub derive_serialize: bool,
    pub derive_deserialize: bool,
    /// `#[serde(crate = "…")]`, unless the user wrote one (an error, but not to be doubled by serde).
    pub set_crate: bool,
    /// `#[serde(rename_all = "…")]`, for a struct with named fields that does not set its own.
    pub rename_all: Option<String>,
}

/// The runtime's `Protocol`: how bodies are sent, how updates are sent, how pages are sized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Protocol {
    pub body: BodyFormat,
    pub update_method: UpdateMethod,
    /// `None` for a list declared with `page_size = false`.
    pub page_size_parameter: Option<String>,
    pub idempotency_key: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFormat {
    Form,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateMethod {
    Post,
    Put,
    Patch,
}

impl BodyFormat {
    /// The runtime's variant name.
    pub fn variant(self) -> &'static str {
        match self {
            Self::Form => "Form",
            Self::Json => "Json",
        }
    }

    /// As the docs of a generated method say it.
    pub fn described(self) -> &'static str {
        match self {
            Self::Form => "form body",
            Self::Json => "JSON body",
        }
    }
}

impl UpdateMethod {
    /// The runtime's variant name.
    pub fn variant(self) -> &'static str {
        match self {
            Self::Post => "Post",
            Self::Put => "Put",
            Self::Patch => "Patch",
        }
    }

    /// The HTTP method.
    pub fn http(self) -> &'static str {
        match self {
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
        }
    }
}

/// The operations to generate.
#[derive(Default)]
pub struct Operations {
    /// `Some` when declared; its `ty` is the query parameters' type, if any.
    pub fetch: Option<Op>,
    /// `Some` when declared; its `ty` is the filter type, if any.
    pub list: Option<Op>,
    /// `Some` when declared; its `ty` is the body type (`None` only after an error: the
    /// expansion then takes any `Serialize` body, so call sites see no second error).
    pub create: Option<Op>,
    pub update: Option<Op>,
    /// As `fetch`.
    pub delete: Option<Op>,
}

pub struct Op {
    pub ty: Option<syn::Type>,
    /// Its text from `doc(…)`, put first in its method's docs.
    pub doc: Option<String>,
}

/// Validates the arguments and the item together, collecting every error after `errors` (the
/// argument parser's).
pub fn build(
    args: &Args,
    mut errors: Vec<syn::Error>,
    item: &DeriveInput,
) -> (Resource, Vec<syn::Error>) {
    let shape = check_item(item, &mut errors);

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
                // A placeholder left open is read as closed, so the methods still exist and
                // call sites show no second error.
                template::closed_reading(&lit.value())
            }
        },
    };
    let base_url = match &args.base_url {
        None => DEFAULT_BASE_URL.to_owned(),
        Some(lit) => match check_base_url(&lit.value()) {
            Ok(url) => url,
            Err(message) => {
                errors.push(syn::Error::new(lit.span(), message));
                DEFAULT_BASE_URL.to_owned()
            }
        },
    };
    let rename_all = one_of(
        args.rename_all.as_ref(),
        RENAME_RULES,
        DEFAULT_RENAME_ALL,
        "unknown `rename_all` rule",
        "rules",
        &mut errors,
    );
    let camel_case = rename_all == "camelCase";
    let body = match one_of(
        args.body.as_ref(),
        BODY_FORMATS,
        if camel_case { "json" } else { "form" },
        "unknown `body` format",
        "formats",
        &mut errors,
    ) {
        "json" => BodyFormat::Json,
        _ => BodyFormat::Form,
    };
    let update_method = match one_of(
        args.update_method.as_ref(),
        UPDATE_METHODS,
        if body == BodyFormat::Json {
            "PUT"
        } else {
            "POST"
        },
        "unknown `update_method`",
        "methods",
        &mut errors,
    ) {
        "PUT" => UpdateMethod::Put,
        "PATCH" => UpdateMethod::Patch,
        _ => UpdateMethod::Post,
    };
    let protocol = Protocol {
        body,
        update_method,
        page_size_parameter: match &args.page_size {
            Some(PageSize::Off) => None,
            Some(PageSize::Named(name)) => Some(name.value()),
            None => Some(if camel_case { "pageSize" } else { "PageSize" }.to_owned()),
        },
        idempotency_key: args.idempotency_key,
    };
    let krate = krate_path(args, &mut errors);
    let operations = operations(args, &mut errors);
    let address = template.map(|path| address(args, path, &operations, &mut errors));

    let serde = Serde {
        rename_all: (shape.named_fields && !shape.serde_rename_all).then(|| rename_all.to_owned()),
        ..shape.serde
    };
    let resource = Resource {
        item: item.clone(),
        serde,
        krate,
        address: address.filter(|_| shape.can_impl),
        base_url,
        protocol,
        operations,
    };
    (resource, errors)
}

/// With no operation key the resource gets `fetch` alone; otherwise exactly the named ones. Each
/// gets its text from `doc(…)`; a text for an operation not declared is refused.
fn operations(args: &Args, errors: &mut Vec<syn::Error>) -> Operations {
    let declared = |kind| {
        if args.operations.is_empty() {
            kind == OpKind::Fetch
        } else {
            args.operation(kind).is_some()
        }
    };
    errors.extend(
        args.docs
            .iter()
            .filter(|doc| !declared(doc.kind))
            .map(undeclared),
    );
    let op = |kind| {
        declared(kind).then(|| Op {
            ty: args.operation(kind).and_then(|op| op.ty.clone()),
            doc: args
                .docs
                .iter()
                .find(|doc| doc.kind == kind)
                .map(|doc| doc.text.value()),
        })
    };
    Operations {
        fetch: op(OpKind::Fetch),
        list: op(OpKind::List),
        create: op(OpKind::Create),
        update: op(OpKind::Update),
        delete: op(OpKind::Delete),
    }
}

fn undeclared(doc: &OperationDoc) -> syn::Error {
    let key = doc.kind.key();
    syn::Error::new_spanned(
        &doc.key,
        format!(
            "`doc({key} = …)` documents an operation this resource does not declare: declare `{key}` or remove its text"
        ),
    )
}

/// The path and its collection; `list` and `create` on a path without one are refused (and then
/// generated on the path without its last parameter, as the caller meant them, so their call
/// sites see no second error).
fn address(
    args: &Args,
    path: Template,
    operations: &Operations,
    errors: &mut Vec<syn::Error>,
) -> Address {
    let collection = match path.collection() {
        Ok(collection) => Some(collection),
        Err(reason) => {
            let needing = args
                .operations
                .iter()
                .filter(|op| !op.guessed && matches!(op.kind, OpKind::List | OpKind::Create));
            for op in needing {
                errors.push(syn::Error::new_spanned(
                    &op.key,
                    format!(
                        "`{}` goes to the collection, and the path \"{}\" has none: {reason}; declare `{}` on a resource whose `path` is the collection",
                        op.kind.key(),
                        path.text("<", ">"),
                        op.kind.key()
                    ),
                ));
            }
            let needed = operations.list.is_some() || operations.create.is_some();
            needed.then(|| path.without_last_param())
        }
    };
    Address { path, collection }
}

/// The runtime path from `crate = "…"`, or `::twilio_resource`.
fn krate_path(args: &Args, errors: &mut Vec<syn::Error>) -> syn::Path {
    let default = || {
        let mut path = syn::Path::from(Ident::new("twilio_resource", Span::call_site()));
        path.leading_colon = Some(Token![::](Span::call_site()));
        path
    };
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

/// The written value if it is one of `valid`; otherwise an error (with a guess) and the guess, or
/// the default, to go on with.
fn one_of(
    value: Option<&LitStr>,
    valid: &[&'static str],
    default: &'static str,
    what: &str,
    plural: &str,
    errors: &mut Vec<syn::Error>,
) -> &'static str {
    let Some(lit) = value else {
        return default;
    };
    let text = lit.value();
    if let Some(found) = valid.iter().find(|v| **v == text) {
        return found;
    }
    let guess = suggest::closest(&text, valid);
    let hint = guess
        .map(|guess| format!("; did you mean \"{guess}\"?"))
        .unwrap_or_default();
    let listed: Vec<String> = valid.iter().map(|v| format!("\"{v}\"")).collect();
    errors.push(syn::Error::new(
        lit.span(),
        format!(
            "{what} {text:?}{hint} (valid {plural}: {})",
            listed.join(", ")
        ),
    ));
    guess.unwrap_or(default)
}

/// An absolute http(s) URL with a host, an optional port and nothing after them: generated code
/// appends the path. Returns it without a trailing `/`.
///
/// The runtime's `base_url::normalize` (runtime/src/base_url.rs) applies the same rule to a client's
/// `base_url`; the tests below list its cases. http:// is allowed only to this machine, since the
/// client sends credentials.
pub fn check_base_url(url: &str) -> Result<String, String> {
    let example = "like \"https://api.twilio.com\"";
    let Some((scheme, rest)) = url.split_once("://") else {
        let origin = url.trim_start_matches('/');
        let origin = origin.split(['/', '?', '#']).next().unwrap_or_default();
        let fixed = format!("https://{origin}");
        if !origin.is_empty() && check_base_url(&fixed).is_ok() {
            return Err(format!(
                "`base_url` must be an absolute URL with a scheme: write \"{fixed}\""
            ));
        }
        return Err(format!(
            "`base_url` must be an absolute http:// or https:// URL, {example}; got {url:?}"
        ));
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, after) = rest.split_at_checked(end).unwrap_or((rest, ""));
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return Err(format!(
            "`base_url` must use https:// (or http:// for a server on this machine): write \"https://{authority}\""
        ));
    }
    if let Some((_, host)) = authority.rsplit_once('@') {
        return Err(format!(
            "`base_url` must not carry credentials in the URL; the client sends them: write \"{scheme}://{host}\""
        ));
    }
    let origin = format!("{scheme}://{authority}");
    if !after.is_empty() && after != "/" {
        let what = match after.chars().next() {
            Some('?') => "a query",
            Some('#') => "a fragment",
            _ => "a path",
        };
        let moved = if what == "a path" {
            " (the resource path goes in `path`)"
        } else {
            ""
        };
        return Err(format!(
            "`base_url` is scheme, host and optional port only, and {url:?} has {what}{moved}: write \"{origin}\""
        ));
    }
    let (host, port) = split_host_port(authority);
    if host.is_empty() {
        return Err(format!(
            "`base_url` {url:?} has no host; write it {example}"
        ));
    }
    if let Some(port) = port {
        let number = port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok();
        if !port.is_empty() && !number {
            return Err(format!(
                "`base_url` {url:?} has the port {port:?}; a port is a number from 0 to 65535"
            ));
        }
    }
    if let Some(inner) = host.strip_prefix('[') {
        let ip = inner.strip_suffix(']').unwrap_or(inner);
        if ip.parse::<std::net::Ipv6Addr>().is_err() {
            return Err(format!(
                "`base_url` {url:?} has the host {host:?}, which is not an IPv6 address"
            ));
        }
    } else if let Some(bad) = host
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "-._".contains(*c)))
    {
        return Err(format!(
            "`base_url` {url:?} has {bad:?} in its host; a host is letters, digits, `-` and `.`, {example}"
        ));
    }
    if scheme.eq_ignore_ascii_case("http") && !is_loopback(host) {
        return Err(format!(
            "`base_url` {url:?} would send credentials over plain http: write \"https://{authority}\" (http:// is only for a server on this machine: localhost, 127.0.0.0/8 or [::1])"
        ));
    }
    Ok(origin)
}

/// `("host", Some("443"))` for `host:443`, `("[::1]", Some("80"))` for `[::1]:80`.
fn split_host_port(authority: &str) -> (&str, Option<&str>) {
    if authority.starts_with('[') {
        return match authority.split_once(']') {
            Some((inner, rest)) => {
                let host = authority.get(..inner.len() + 1).unwrap_or(authority);
                (host, rest.strip_prefix(':'))
            }
            None => (authority, None),
        };
    }
    match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    }
}

fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner
            .parse::<std::net::Ipv6Addr>()
            .is_ok_and(|ip| ip.is_loopback());
    }
    host.parse::<std::net::Ipv4Addr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// What the item allows the expansion to do.
struct Shape {
    /// Not generic and not a union: the impls can be generated (after other errors too).
    can_impl: bool,
    /// A struct with named fields: `rename_all` applies.
    named_fields: bool,
    /// The user set `#[serde(rename_all)]` (an error); ours would be a second one.
    serde_rename_all: bool,
    serde: Serde,
}

/// The item must be a non-generic struct with named fields that does not derive serde itself.
fn check_item(item: &DeriveInput, errors: &mut Vec<syn::Error>) -> Shape {
    let hint = "#[twilio_resource] goes on a struct with named fields";
    let mut named_fields = false;
    match &item.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(_) => named_fields = true,
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
    let generic = !item.generics.params.is_empty();
    if generic {
        errors.push(syn::Error::new_spanned(
            &item.generics,
            "generic resources are not supported: a resource decodes one fixed JSON shape; use concrete field types",
        ));
    }
    let mut derives_serialize = false;
    let mut derives_deserialize = false;
    for path in serde_derives(item) {
        let name = path
            .segments
            .last()
            .map(|last| last.ident.to_string())
            .unwrap_or_default();
        derives_serialize |= name == "Serialize";
        derives_deserialize |= name == "Deserialize";
        errors.push(syn::Error::new_spanned(
            &path,
            format!("#[twilio_resource] already derives `{name}`; remove it from this derive"),
        ));
    }
    let mut container = SerdeContainer::default();
    for attr in item
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("serde"))
    {
        check_serde(attr, &mut container, errors);
    }
    let is_union = matches!(item.data, Data::Union(_));
    // serde derives neither unions nor (without bounds we cannot know) generic items.
    let serde_can_derive = !is_union && !generic;
    Shape {
        can_impl: serde_can_derive,
        named_fields,
        serde_rename_all: container.rename_all,
        serde: Serde {
            derive_serialize: serde_can_derive && !derives_serialize,
            derive_deserialize: serde_can_derive && !derives_deserialize,
            set_crate: !container.krate,
            rename_all: None,
        },
    }
}

/// The `Serialize`/`Deserialize` paths the user derives; they are ours to derive, so a second derive
/// would be a confusing conflict.
fn serde_derives(item: &DeriveInput) -> Vec<syn::Path> {
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

/// Container-level serde keys the user set that are ours to set.
#[derive(Default)]
struct SerdeContainer {
    rename_all: bool,
    krate: bool,
}

/// Container-level `rename_all` and `crate` are set by us; other serde container attributes are kept.
fn check_serde(attr: &syn::Attribute, found: &mut SerdeContainer, errors: &mut Vec<syn::Error>) {
    let _ = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("rename_all") {
            found.rename_all = true;
            errors.push(meta.error(
                "set `rename_all` on #[twilio_resource(rename_all = \"…\")] instead of #[serde(...)]",
            ));
        } else if meta.path.is_ident("crate") {
            found.krate = true;
            errors.push(meta.error(
                "#[twilio_resource] sets serde's `crate` itself; use #[twilio_resource(crate = \"…\")] to move the runtime",
            ));
        }
        // Consume the value of any key so the next one is read; serde checks the rest.
        args::skip_value(&meta)
    });
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    fn model(tokens: proc_macro2::TokenStream) -> (Resource, Vec<String>) {
        let item: DeriveInput = syn::parse_quote!(
            pub struct X {
                id: Option<String>,
            }
        );
        let mut errors = Vec::new();
        let args = args::parse(tokens, &mut errors);
        let (resource, errors) = build(&args, errors, &item);
        (resource, errors.iter().map(ToString::to_string).collect())
    }

    fn protocol(tokens: proc_macro2::TokenStream) -> Protocol {
        let (resource, errors) = model(tokens);
        assert!(errors.is_empty(), "{errors:?}");
        resource.protocol
    }

    #[test]
    fn defaults_follow_rename_all() {
        let v2 = protocol(quote!(path = "/v2/X/<Sid>"));
        assert_eq!(
            v2,
            Protocol {
                body: BodyFormat::Json,
                update_method: UpdateMethod::Put,
                page_size_parameter: Some("pageSize".to_owned()),
                idempotency_key: false,
            }
        );
        let v2010 = protocol(quote!(
            path = "/2010-04-01/X/<Sid>.json",
            rename_all = "snake_case"
        ));
        assert_eq!(
            v2010,
            Protocol {
                body: BodyFormat::Form,
                update_method: UpdateMethod::Post,
                page_size_parameter: Some("PageSize".to_owned()),
                idempotency_key: false,
            }
        );
        let json_snake = protocol(quote!(
            path = "/v1/X",
            rename_all = "snake_case",
            body = "json"
        ));
        assert_eq!(json_snake.body, BodyFormat::Json);
        assert_eq!(json_snake.update_method, UpdateMethod::Put);
        assert_eq!(json_snake.page_size_parameter.as_deref(), Some("PageSize"));
        let form_camel = protocol(quote!(path = "/v2/X", body = "form", idempotency_key));
        assert_eq!(form_camel.update_method, UpdateMethod::Post);
        assert_eq!(form_camel.page_size_parameter.as_deref(), Some("pageSize"));
        let none = protocol(quote!(
            path = "/v1/X",
            rename_all = "snake_case",
            page_size = false
        ));
        assert_eq!(none.page_size_parameter, None);
        let named = protocol(quote!(path = "/v2/X", page_size = "PageSize"));
        assert_eq!(named.page_size_parameter.as_deref(), Some("PageSize"));
        assert!(form_camel.idempotency_key);
        let patch = protocol(quote!(path = "/v2/X", update_method = "PATCH"));
        assert_eq!(patch.update_method, UpdateMethod::Patch);
    }

    #[test]
    fn each_operation_takes_its_own_doc_and_only_a_declared_one() {
        let (resource, errors) = model(quote!(
            path = "/v2/X/<Sid>",
            fetch,
            delete,
            doc(delete = "Removes it.")
        ));
        assert!(errors.is_empty(), "{errors:?}");
        let ops = &resource.operations;
        assert_eq!(
            ops.delete.as_ref().unwrap().doc.as_deref(),
            Some("Removes it.")
        );
        assert_eq!(ops.fetch.as_ref().unwrap().doc, None);

        let (_, errors) = model(quote!(path = "/v2/X/<Sid>", fetch, doc(list = "Lists.")));
        assert_eq!(
            errors,
            [
                "`doc(list = …)` documents an operation this resource does not declare: declare `list` or remove its text"
            ]
        );
        // With no operation key, `fetch` alone is declared, and may be documented.
        let (resource, errors) = model(quote!(path = "/v2/X/<Sid>", doc(fetch = "Reads.")));
        assert!(errors.is_empty(), "{errors:?}");
        assert!(resource.operations.fetch.unwrap().doc.is_some());
    }

    #[test]
    fn no_operation_key_means_fetch_alone() {
        let (resource, _) = model(quote!(path = "/v2/X/<Sid>"));
        let ops = &resource.operations;
        assert!(ops.fetch.is_some() && ops.delete.is_none());
        assert!(ops.list.is_none() && ops.create.is_none() && ops.update.is_none());

        let (resource, _) = model(quote!(path = "/v2/X/<Sid>", list, delete));
        let ops = &resource.operations;
        assert!(ops.fetch.is_none() && ops.delete.is_some() && ops.list.is_some());
        assert!(ops.create.is_none() && ops.update.is_none());
    }

    #[test]
    fn the_collection_is_derived_once() {
        let (resource, _) = model(quote!(path = "/2010-04-01/A/<AccountSid>/M/<Sid>.json"));
        let address = resource.address.unwrap();
        assert_eq!(
            address.collection.unwrap().text("<", ">"),
            "/2010-04-01/A/<AccountSid>/M.json"
        );
    }

    #[test]
    fn list_and_create_need_a_collection() {
        let (resource, errors) = model(quote!(path = "/<Sid>", fetch, list, create = B));
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(
            errors[0],
            "`list` goes to the collection, and the path \"/<Sid>\" has none: without its last segment `/<Sid>` nothing is left to address the collection; declare `list` on a resource whose `path` is the collection"
        );
        // Still generated, without the last parameter, so that call sites see no second error.
        let collection = resource.address.unwrap().collection.unwrap();
        assert_eq!(collection.params().count(), 0);
        let (resource, errors) = model(quote!(path = "/<Sid>", fetch, delete));
        assert!(errors.is_empty(), "{errors:?}");
        assert!(resource.address.unwrap().collection.is_none());
    }

    #[test]
    fn refused_values_say_the_valid_ones_and_guess() {
        let (resource, errors) =
            model(quote!(path = "/v1/X", body = "Form", update_method = "GET"));
        assert_eq!(
            errors,
            [
                "unknown `body` format \"Form\"; did you mean \"form\"? (valid formats: \"form\", \"json\")",
                "unknown `update_method` \"GET\" (valid methods: \"POST\", \"PUT\", \"PATCH\")",
            ]
        );
        // The guess is what the expansion goes on with.
        assert_eq!(resource.protocol.body, BodyFormat::Form);
        let (_, errors) = model(quote!(path = "/v1/X", rename_all = "snakecase"));
        assert!(
            errors[0].starts_with(
                "unknown `rename_all` rule \"snakecase\"; did you mean \"snake_case\"? (valid rules: \"lowercase\""
            ),
            "{errors:?}"
        );
    }

    #[test]
    fn an_unclosed_placeholder_is_one_error_and_the_methods_stay() {
        let (resource, errors) = model(quote!(
            path = "/2010-04-01/Accounts/<AccountSid/Messages/<Sid>.json",
            fetch,
            list,
        ));
        assert_eq!(
            errors,
            [
                "placeholder `<AccountSid` is not closed: the `>` goes right after the name, as in `<AccountSid>/Messages/`"
            ]
        );
        let address = resource.address.unwrap();
        let params: Vec<&str> = address
            .path
            .params()
            .map(|p| p.parameter.as_str())
            .collect();
        assert_eq!(params, ["account_sid", "sid"]);
        assert_eq!(
            address.collection.unwrap().text("<", ">"),
            "/2010-04-01/Accounts/<AccountSid>/Messages.json"
        );
        // A template the reading cannot mend generates no impl, as before.
        let (resource, errors) = model(quote!(path = "v2/<>/<Sid"));
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(resource.address.is_none());
    }

    #[test]
    fn a_refused_base_url_keeps_the_rest() {
        let (resource, errors) = model(quote!(path = "/v1/X/<Sid>", base_url = "api.twilio.com"));
        assert_eq!(
            errors,
            ["`base_url` must be an absolute URL with a scheme: write \"https://api.twilio.com\""]
        );
        assert!(resource.address.is_some() && resource.operations.fetch.is_some());
        assert_eq!(resource.base_url, DEFAULT_BASE_URL);
    }

    // The runtime mirrors these: runtime/src/base_url.rs tests the same cases; keep the two in step.
    #[test]
    fn base_url_accepts_what_the_runtime_accepts() {
        for (url, origin) in [
            ("https://proxy.example.com", "https://proxy.example.com"),
            (
                "https://proxy.example.com:8443/",
                "https://proxy.example.com:8443",
            ),
            ("http://127.0.0.1:4010", "http://127.0.0.1:4010"),
            ("http://127.5.6.7", "http://127.5.6.7"),
            ("http://localhost:1", "http://localhost:1"),
            ("http://[::1]:80", "http://[::1]:80"),
            ("https://api.twilio.com", "https://api.twilio.com"),
            (
                "https://conversations.twilio.com/",
                "https://conversations.twilio.com",
            ),
        ] {
            assert_eq!(check_base_url(url).as_deref(), Ok(origin), "{url}");
        }
    }

    #[test]
    fn base_url_refuses_what_the_runtime_refuses() {
        let refused = |url: &str| check_base_url(url).expect_err(url);
        for url in [
            "http://example.com",
            "http://10.0.0.1",
            "http://localhost.example.com",
            "http://[::2]",
        ] {
            assert!(refused(url).contains("plain http"), "{url}");
        }
        assert!(refused("https://x.com/v2").contains("has a path"));
        assert!(refused("https://x.com?a=1").contains("has a query"));
        assert!(refused("https://x.com#top").contains("has a fragment"));
        assert!(refused("https://user:pw@x.com").contains("credentials"));
        assert!(!refused("https://user:pw@x.com").contains("pw"));
        assert!(refused("ftp://x.com").contains("https://"));
        assert!(refused("conversations.twilio.com").contains("absolute URL"));
        assert!(refused("https://").contains("no host"));
        assert!(refused("https://x.com:99999").contains("port"));
        assert!(refused("https://x.com:http").contains("port"));
        assert!(refused("https://[::g]").contains("IPv6"));
        assert!(refused("https://exa mple.com").contains("in its host"));
    }

    #[test]
    fn base_url_suggests_the_fix() {
        assert_eq!(
            check_base_url("api.twilio.com").unwrap_err(),
            "`base_url` must be an absolute URL with a scheme: write \"https://api.twilio.com\""
        );
        assert!(
            check_base_url("https://api.twilio.com/2010-04-01")
                .unwrap_err()
                .ends_with("(the resource path goes in `path`): write \"https://api.twilio.com\"")
        );
        assert!(
            check_base_url("ftp://x.com")
                .unwrap_err()
                .ends_with("write \"https://x.com\"")
        );
        assert!(
            check_base_url("http://example.com")
                .unwrap_err()
                .contains("write \"https://example.com\"")
        );
    }
}
