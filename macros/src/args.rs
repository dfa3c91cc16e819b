//! The attribute's keys as written: settings (`path = "…"`, `base_url = "…"`, `rename_all = "…"`,
//! `body = "…"`, `update_method = "…"`, `page_size = "…" | false`, `idempotency_key`,
//! `crate = "…"`, `doc(create = "…", …)`) and operations (`fetch [= QueryType]`, `list [= FilterType]`,
//! `create = BodyType`, `update = BodyType`, `delete [= QueryType]`).
//!
//! Only the shape of each key is checked here; rules that span keys or the item live in `model`.

use proc_macro2::{TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::discouraged::Speculative;
use syn::parse::{ParseStream, Parser};
use syn::{LitBool, LitStr, Token};

use crate::suggest;

pub const PATH: &str = "path";
pub const BASE_URL: &str = "base_url";
pub const RENAME_ALL: &str = "rename_all";
pub const BODY: &str = "body";
pub const UPDATE_METHOD: &str = "update_method";
pub const PAGE_SIZE: &str = "page_size";
pub const IDEMPOTENCY_KEY: &str = "idempotency_key";
pub const CRATE: &str = "crate";
pub const DOC: &str = "doc";
pub const FETCH: &str = "fetch";
pub const LIST: &str = "list";
pub const CREATE: &str = "create";
pub const UPDATE: &str = "update";
pub const DELETE: &str = "delete";

/// The setting keys, in the order the docs list them.
pub const SETTINGS: &[&str] = &[
    PATH,
    BASE_URL,
    RENAME_ALL,
    BODY,
    UPDATE_METHOD,
    PAGE_SIZE,
    IDEMPOTENCY_KEY,
    CRATE,
    DOC,
];
/// The operation keys, in the order the docs list them.
pub const OPERATIONS: &[&str] = &[FETCH, LIST, CREATE, UPDATE, DELETE];
/// Every key, for guessing what a misspelled one meant: operations first, so that they win a tie
/// (`craete` is as close to `crate` as to `create`, and far likelier meant as `create`).
const KEYS: &[&str] = &[
    FETCH,
    LIST,
    CREATE,
    UPDATE,
    DELETE,
    PATH,
    BASE_URL,
    RENAME_ALL,
    BODY,
    UPDATE_METHOD,
    PAGE_SIZE,
    IDEMPOTENCY_KEY,
    CRATE,
    DOC,
];

/// One of the five operations a resource can declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    Fetch,
    List,
    Create,
    Update,
    Delete,
}

impl OpKind {
    fn from_key(key: &str) -> Option<Self> {
        Some(match key {
            FETCH => Self::Fetch,
            LIST => Self::List,
            CREATE => Self::Create,
            UPDATE => Self::Update,
            DELETE => Self::Delete,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Fetch => FETCH,
            Self::List => LIST,
            Self::Create => CREATE,
            Self::Update => UPDATE,
            Self::Delete => DELETE,
        }
    }
}

/// An operation key as written.
pub struct Operation {
    pub kind: OpKind,
    /// The key itself, for errors about this operation.
    pub key: syn::Path,
    /// The type after `=`: the query of `fetch`/`delete`, the filter of `list`, the body of
    /// `create`/`update`. `None` when none was written (or it was refused: then the expansion
    /// falls back to a generic body).
    pub ty: Option<syn::Type>,
    /// Read from a misspelled key (`delet`): generated as intended so that call sites see no
    /// second error, but not checked again (its one error is the misspelling).
    pub guessed: bool,
}

/// One operation's text in `doc(…)`, put first in its method's docs.
pub struct OperationDoc {
    pub kind: OpKind,
    /// The operation's key inside `doc(…)`, for errors about it.
    pub key: syn::Path,
    pub text: LitStr,
}

/// `page_size = "Name"` or `page_size = false`.
pub enum PageSize {
    /// The list sends no page size.
    Off,
    /// The page-size query parameter's name.
    Named(LitStr),
}

/// The attribute's arguments as written; setting values are still spanned string literals.
#[derive(Default)]
pub struct Args {
    pub path: Option<LitStr>,
    pub base_url: Option<LitStr>,
    pub rename_all: Option<LitStr>,
    pub body: Option<LitStr>,
    pub update_method: Option<LitStr>,
    pub page_size: Option<PageSize>,
    pub idempotency_key: bool,
    pub krate: Option<LitStr>,
    /// In the order written, each kind at most once.
    pub operations: Vec<Operation>,
    /// `doc(…)`: in the order written, each kind at most once.
    pub docs: Vec<OperationDoc>,
    /// Whether `doc(…)` was read (even with no text in it), so a second one is refused.
    pub doc_seen: bool,
    /// Keys that were written but whose value was refused; they are not also "missing".
    pub refused: Vec<String>,
}

impl Args {
    pub fn operation(&self, kind: OpKind) -> Option<&Operation> {
        self.operations.iter().find(|op| op.kind == kind)
    }
}

/// Parses the arguments, collecting every error instead of stopping at the first.
pub fn parse(tokens: TokenStream, errors: &mut Vec<syn::Error>) -> Args {
    let mut args = Args::default();
    let parser = syn::meta::parser(|meta| {
        let key = key_text(&meta);
        if KEYS.contains(&key.as_str()) {
            return read_key(&mut args, &meta, &key, false, errors);
        }
        let guess = suggest::closest(&key, KEYS);
        let hint = guess
            .map(|guess| format!("; did you mean `{guess}`?"))
            .unwrap_or_default();
        errors.push(meta.error(format!(
            "unknown key `{key}` in #[twilio_resource]{hint} (keys: {}; operations: {})",
            quoted(SETTINGS),
            quoted(OPERATIONS),
        )));
        match guess {
            // Read on as the key it most likely is, so the expansion is the intended one and the
            // misspelling stays the only error; errors about its value would repeat that one.
            Some(guess) => read_key(&mut args, &meta, guess, true, &mut Vec::new()),
            None => skip_value(&meta),
        }
    });
    if let Err(error) = parser.parse2(tokens) {
        errors.push(error);
    }
    args
}

fn read_key(
    args: &mut Args,
    meta: &ParseNestedMeta<'_>,
    key: &str,
    guessed: bool,
    errors: &mut Vec<syn::Error>,
) -> syn::Result<()> {
    if let Some(kind) = OpKind::from_key(key) {
        return read_operation(args, meta, kind, guessed, errors);
    }
    if key == IDEMPOTENCY_KEY {
        if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
            errors.push(meta.error(
                "`idempotency_key` is a flag: write `idempotency_key` alone to send an Idempotency-Key on mutating calls",
            ));
            skip_value(meta)?;
        }
        if args.idempotency_key && !guessed {
            errors.push(duplicate(meta, key));
        }
        args.idempotency_key = true;
        return Ok(());
    }
    if key == DOC {
        return read_docs(args, meta, guessed, errors);
    }
    if key == PAGE_SIZE {
        let value = page_size_value(meta, errors)?;
        match value {
            None => args.refused.push(key.to_owned()),
            Some(_) if args.page_size.is_some() => {
                if !guessed {
                    errors.push(duplicate(meta, key));
                }
            }
            Some(value) => args.page_size = Some(value),
        }
        return Ok(());
    }
    let value = string_value(meta, key, errors)?;
    let slot = match key {
        PATH => &mut args.path,
        BASE_URL => &mut args.base_url,
        RENAME_ALL => &mut args.rename_all,
        BODY => &mut args.body,
        UPDATE_METHOD => &mut args.update_method,
        _ => &mut args.krate,
    };
    match value {
        None => args.refused.push(key.to_owned()),
        Some(_) if slot.is_some() => {
            if !guessed {
                errors.push(duplicate(meta, key));
            }
        }
        Some(lit) => *slot = Some(lit),
    }
    Ok(())
}

fn duplicate(meta: &ParseNestedMeta<'_>, key: &str) -> syn::Error {
    syn::Error::new_spanned(
        &meta.path,
        format!("duplicate key `{key}` in #[twilio_resource]; give it once"),
    )
}

/// `doc(fetch = "…", create = "…")`: each operation's text at most once; every error is reported
/// and the rest still read.
fn read_docs(
    args: &mut Args,
    meta: &ParseNestedMeta<'_>,
    guessed: bool,
    errors: &mut Vec<syn::Error>,
) -> syn::Result<()> {
    const FORM: &str = "`doc` is written `doc(create = \"Sends a message.\", list = \"…\")`: markdown put first in each named operation's method docs";
    if !meta.input.peek(syn::token::Paren) {
        errors.push(meta.error(FORM));
        return skip_value(meta);
    }
    if args.doc_seen && !guessed {
        errors.push(duplicate(meta, DOC));
    }
    // The parenthesized group is parsed on its own, so a slip inside it (a missing comma) is one
    // error there and the keys after `doc(..)` are still read.
    let group: proc_macro2::Group = meta.input.parse()?;
    let mut found = Vec::new();
    let parser = syn::meta::parser(|inner| {
        let key = key_text(&inner);
        let Some(kind) = OpKind::from_key(&key) else {
            let hint = suggest::closest(&key, OPERATIONS)
                .map(|guess| format!("; did you mean `{guess}`?"))
                .unwrap_or_default();
            errors.push(inner.error(format!(
                "unknown operation `{key}` in `doc(..)`{hint} (operations: {})",
                quoted(OPERATIONS)
            )));
            return skip_value(&inner);
        };
        if !inner.input.peek(Token![=]) {
            errors.push(inner.error(FORM));
            return skip_value(&inner);
        }
        let input = inner.value()?;
        if !input.peek(LitStr) {
            let tokens = tokens_until_comma(input)?;
            let message = format!("`doc({key} = …)` takes a string literal: {FORM}");
            errors.push(if tokens.is_empty() {
                inner.error(message)
            } else {
                syn::Error::new_spanned(tokens, message)
            });
            return Ok(());
        }
        let text: LitStr = input.parse()?;
        if found.iter().any(|doc: &OperationDoc| doc.kind == kind) {
            errors.push(syn::Error::new_spanned(
                &inner.path,
                format!("`{key}` is given twice in `doc(..)`; give it once"),
            ));
            return Ok(());
        }
        found.push(OperationDoc {
            kind,
            key: inner.path.clone(),
            text,
        });
        Ok(())
    });
    if let Err(error) = parser.parse2(group.stream()) {
        errors.push(error);
    }
    if !args.doc_seen {
        args.docs = found;
        args.doc_seen = true;
    }
    Ok(())
}

/// `page_size = "Name"` or `page_size = false`; anything else is reported, spanned on the value.
fn page_size_value(
    meta: &ParseNestedMeta<'_>,
    errors: &mut Vec<syn::Error>,
) -> syn::Result<Option<PageSize>> {
    const FORMS: &str = "write `page_size = \"PageSize\"` (the query parameter's name) or `page_size = false` (the list takes none)";
    let input = meta.value()?;
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        if lit.value().is_empty() {
            errors.push(syn::Error::new(
                lit.span(),
                format!("`page_size` is empty: {FORMS}"),
            ));
            return Ok(None);
        }
        return Ok(Some(PageSize::Named(lit)));
    }
    if input.peek(LitBool) {
        let lit: LitBool = input.parse()?;
        if !lit.value {
            return Ok(Some(PageSize::Off));
        }
        errors.push(syn::Error::new(
            lit.span,
            format!("`page_size = true` says nothing: {FORMS}"),
        ));
        return Ok(None);
    }
    let tokens = tokens_until_comma(input)?;
    let message = format!("`page_size` takes a string or `false`: {FORMS}");
    errors.push(if tokens.is_empty() {
        meta.error(message)
    } else {
        syn::Error::new_spanned(tokens, message)
    });
    Ok(None)
}

/// `fetch`, `fetch = Q`, `list`, `list = F`, `create = B`, `update = B`, `delete`, `delete = Q`.
fn read_operation(
    args: &mut Args,
    meta: &ParseNestedMeta<'_>,
    kind: OpKind,
    guessed: bool,
    errors: &mut Vec<syn::Error>,
) -> syn::Result<()> {
    let key = kind.key();
    let bare = meta.input.is_empty() || meta.input.peek(Token![,]);
    let ty = if meta.input.peek(Token![=]) {
        type_value(meta, key, errors)?
    } else if bare {
        None
    } else {
        errors.push(meta.error(format!("`{key}` is written {}", operation_forms(kind))));
        skip_value(meta)?;
        None
    };
    if bare && matches!(kind, OpKind::Create | OpKind::Update) {
        errors.push(meta.error(format!(
            "`{key}` needs the type of its request body: write `{key} = {}`, a type that derives `Serialize`",
            body_example(kind)
        )));
    }
    if args.operation(kind).is_some() {
        if !guessed {
            errors.push(syn::Error::new_spanned(
                &meta.path,
                format!("operation `{key}` is given twice; give it once"),
            ));
        }
        return Ok(());
    }
    args.operations.push(Operation {
        kind,
        key: meta.path.clone(),
        ty,
        guessed,
    });
    Ok(())
}

fn operation_forms(kind: OpKind) -> String {
    match kind {
        OpKind::Fetch | OpKind::Delete => {
            format!("`{0}` or `{0} = QueryType`", kind.key())
        }
        OpKind::List => "`list` or `list = FilterType`".to_owned(),
        OpKind::Create | OpKind::Update => {
            format!("`{} = {}`", kind.key(), body_example(kind))
        }
    }
}

fn body_example(kind: OpKind) -> &'static str {
    if kind == OpKind::Create {
        "CreateMessage"
    } else {
        "UpdateMessage"
    }
}

/// Reads `= Type`. A string literal is refused (spanned on it) but still read as a type, so the
/// expansion goes on as intended; anything else that is not a type is refused and consumed.
fn type_value(
    meta: &ParseNestedMeta<'_>,
    key: &str,
    errors: &mut Vec<syn::Error>,
) -> syn::Result<Option<syn::Type>> {
    let input = meta.value()?;
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        errors.push(syn::Error::new(
            lit.span(),
            format!(
                "`{key}` takes a Rust type, not a string: write `{key} = {}` without quotes",
                lit.value()
            ),
        ));
        return Ok(lit.parse::<syn::Type>().ok());
    }
    let fork = input.fork();
    if let Ok(ty) = fork.parse::<syn::Type>()
        && (fork.is_empty() || fork.peek(Token![,]))
    {
        input.advance_to(&fork);
        return Ok(Some(ty));
    }
    let tokens = tokens_until_comma(input)?;
    let message = format!(
        "`{key}` takes a Rust type, like `{key} = {}`",
        match key {
            LIST => "MessageFilter",
            CREATE => "CreateMessage",
            FETCH | DELETE => "QueryOptions",
            _ => "UpdateMessage",
        }
    );
    errors.push(if tokens.is_empty() {
        meta.error(message)
    } else {
        syn::Error::new_spanned(tokens, message)
    });
    Ok(None)
}

/// Reads `= "text"`. A value that is not a string literal is reported (spanned on the value) and
/// consumed, so parsing can go on to the next key.
fn string_value(
    meta: &ParseNestedMeta<'_>,
    key: &str,
    errors: &mut Vec<syn::Error>,
) -> syn::Result<Option<LitStr>> {
    let example = match key {
        PATH => "path = \"/v2/Conversations/<ConversationSid>\"",
        BASE_URL => "base_url = \"https://conversations.twilio.com\"",
        RENAME_ALL => "rename_all = \"snake_case\"",
        BODY => "body = \"form\"",
        UPDATE_METHOD => "update_method = \"POST\"",
        _ => "crate = \"::twilio_resource\"",
    };
    let message = format!("`{key}` takes a string literal, like {example}");
    if !meta.input.peek(Token![=]) {
        errors.push(meta.error(message));
        skip_value(meta)?;
        return Ok(None);
    }
    let input = meta.value()?;
    if input.peek(LitStr) {
        return Ok(Some(input.parse()?));
    }
    let tokens = tokens_until_comma(input)?;
    errors.push(if tokens.is_empty() {
        meta.error(message)
    } else {
        syn::Error::new_spanned(tokens, message)
    });
    Ok(None)
}

/// Consumes whatever a key carries (`= …` or `(…)`), so the keys after it are still checked.
pub fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        tokens_until_comma(meta.value()?)?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<TokenTree>()?;
    }
    Ok(())
}

fn tokens_until_comma(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        tokens.extend([input.parse::<TokenTree>()?]);
    }
    Ok(tokens)
}

fn key_text(meta: &ParseNestedMeta<'_>) -> String {
    let segments: Vec<String> = meta
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    segments.join("::")
}

/// `` `a`, `b`, `c` ``
pub fn quoted(names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    fn parse_ok(tokens: TokenStream) -> Args {
        let mut errors = Vec::new();
        let args = parse(tokens, &mut errors);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(messages.is_empty(), "{messages:?}");
        args
    }

    fn messages(tokens: TokenStream) -> Vec<String> {
        let mut errors = Vec::new();
        parse(tokens, &mut errors);
        errors.iter().map(ToString::to_string).collect()
    }

    fn kinds(args: &Args) -> Vec<OpKind> {
        args.operations.iter().map(|op| op.kind).collect()
    }

    #[test]
    fn reads_every_key() {
        let args = parse_ok(quote!(
            path = "/v1/<Sid>", base_url = "https://x.com", rename_all = "snake_case",
            body = "form", update_method = "PATCH", idempotency_key, crate = "::t",
            fetch, list = F, create = a::B, update = Vec<(u8, String)>, delete,
        ));
        assert!(args.idempotency_key);
        assert_eq!(
            kinds(&args),
            [
                OpKind::Fetch,
                OpKind::List,
                OpKind::Create,
                OpKind::Update,
                OpKind::Delete
            ]
        );
        let ty = |kind| {
            let ty = &args.operation(kind).unwrap().ty;
            quote!(#ty).to_string()
        };
        assert_eq!(ty(OpKind::List), "F");
        assert_eq!(ty(OpKind::Create), "a :: B");
        assert_eq!(ty(OpKind::Update), "Vec < (u8 , String) >");
        assert_eq!(ty(OpKind::Fetch), "");
        assert_eq!(args.body.unwrap().value(), "form");
    }

    #[test]
    fn a_bare_list_has_no_filter() {
        let args = parse_ok(quote!(path = "/v1/X", list));
        assert!(args.operation(OpKind::List).unwrap().ty.is_none());
    }

    #[test]
    fn refuses_operation_shapes() {
        assert_eq!(
            messages(quote!(create)),
            [
                "`create` needs the type of its request body: write `create = CreateMessage`, a type that derives `Serialize`"
            ]
        );
        assert!(messages(quote!(fetch = Foo, delete = a::Bar)).is_empty());
        assert_eq!(
            messages(quote!(fetch(Foo))),
            ["`fetch` is written `fetch` or `fetch = QueryType`"]
        );
        assert_eq!(
            messages(quote!(page_size = true)),
            [
                "`page_size = true` says nothing: write `page_size = \"PageSize\"` (the query parameter's name) or `page_size = false` (the list takes none)"
            ]
        );
        assert_eq!(messages(quote!(page_size = 5)).len(), 1);
        assert_eq!(messages(quote!(page_size = "")).len(), 1);
        assert_eq!(
            messages(quote!(page_size = false, page_size = "PageSize")),
            ["duplicate key `page_size` in #[twilio_resource]; give it once"]
        );
        assert_eq!(
            messages(quote!(list(Foo))),
            ["`list` is written `list` or `list = FilterType`"]
        );
        assert_eq!(
            messages(quote!(list, list = F)),
            ["operation `list` is given twice; give it once"]
        );
        assert_eq!(
            messages(quote!(update = "UpdateMessage")),
            [
                "`update` takes a Rust type, not a string: write `update = UpdateMessage` without quotes"
            ]
        );
        assert_eq!(
            messages(quote!(create = 1 + 2)),
            ["`create` takes a Rust type, like `create = CreateMessage`"]
        );
        assert_eq!(
            messages(quote!(idempotency_key = true)),
            [
                "`idempotency_key` is a flag: write `idempotency_key` alone to send an Idempotency-Key on mutating calls"
            ]
        );
    }

    #[test]
    fn reads_each_operations_doc_and_refuses_bad_ones() {
        let args = parse_ok(quote!(
            fetch,
            create = B,
            doc(create = "Sends it.", fetch = "Reads it.")
        ));
        let docs: Vec<(OpKind, String)> = args
            .docs
            .iter()
            .map(|doc| (doc.kind, doc.text.value()))
            .collect();
        assert_eq!(
            docs,
            [
                (OpKind::Create, "Sends it.".to_owned()),
                (OpKind::Fetch, "Reads it.".to_owned())
            ]
        );
        assert_eq!(
            messages(quote!(doc(craete = "x"))),
            [
                "unknown operation `craete` in `doc(..)`; did you mean `create`? (operations: `fetch`, `list`, `create`, `update`, `delete`)"
            ]
        );
        assert_eq!(
            messages(quote!(doc(list = "a", list = "b"))),
            ["`list` is given twice in `doc(..)`; give it once"]
        );
        assert_eq!(
            messages(quote!(doc(list = 5), fetch)),
            [
                "`doc(list = …)` takes a string literal: `doc` is written `doc(create = \"Sends a message.\", list = \"…\")`: markdown put first in each named operation's method docs"
            ]
        );
        assert_eq!(messages(quote!(doc = "x", fetch)).len(), 1);
        assert_eq!(
            messages(quote!(doc(fetch = "a"), doc(list = "b"))),
            ["duplicate key `doc` in #[twilio_resource]; give it once"]
        );
        assert_eq!(
            messages(quote!(doc(lsit = "a"), doc(fetch = "b"))).len(),
            2,
            "a refused text still counts as the one `doc`"
        );
        assert!(messages(quote!(doc(), fetch)).is_empty());
        assert_eq!(
            messages(quote!(doc(fetch = ), fetch)),
            [
                "`doc(fetch = …)` takes a string literal: `doc` is written `doc(create = \"Sends a message.\", list = \"…\")`: markdown put first in each named operation's method docs"
            ]
        );
    }

    /// A slip inside `doc(..)` is one error there; the keys after it are still read.
    #[test]
    fn a_slip_inside_doc_does_not_lose_the_keys_after_it() {
        for slip in [
            quote!(doc(fetch = "a" list = "b")),
            quote!(doc(fetch = "a" "b")),
            quote!(doc("a")),
            quote!(doc(fetch = "a"(b))),
        ] {
            let mut errors = Vec::new();
            let args = parse(
                quote!(#slip, path = "/v1/X/<Sid>", fetch, list),
                &mut errors,
            );
            assert_eq!(
                errors.len(),
                1,
                "{slip}: {:?}",
                errors.iter().map(ToString::to_string).collect::<Vec<_>>()
            );
            assert!(args.path.is_some(), "{slip}");
            assert_eq!(kinds(&args), [OpKind::Fetch, OpKind::List], "{slip}");
        }
    }

    #[test]
    fn a_string_type_is_still_read_for_the_expansion() {
        let mut errors = Vec::new();
        let args = parse(quote!(update = "UpdateMessage"), &mut errors);
        assert_eq!(errors.len(), 1);
        assert!(args.operation(OpKind::Update).unwrap().ty.is_some());
    }

    #[test]
    fn a_misspelled_key_says_what_it_guesses_and_is_read_as_that_key() {
        let mut errors = Vec::new();
        let args = parse(quote!(path = "/v1/<Sid>", delet, creat), &mut errors);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].starts_with(
                "unknown key `delet` in #[twilio_resource]; did you mean `delete`? (keys: `path`"
            ),
            "{}",
            messages[0]
        );
        assert_eq!(kinds(&args), [OpKind::Delete, OpKind::Create]);
        assert!(args.operations.iter().all(|op| op.guessed));

        let mut errors = Vec::new();
        let args = parse(quote!(pth = "/v1/<Sid>", colour = "blue"), &mut errors);
        assert_eq!(args.path.unwrap().value(), "/v1/<Sid>");
        assert!(
            errors[1]
                .to_string()
                .starts_with("unknown key `colour` in #[twilio_resource] (keys:")
        );
    }

    #[test]
    fn swapped_letters_are_read_as_the_operation_meant() {
        let mut errors = Vec::new();
        let args = parse(
            quote!(path = "/v1/<Sid>", lsit, fecth, craete = NewThing),
            &mut errors,
        );
        let guesses: Vec<String> = errors
            .iter()
            .map(|error| {
                let message = error.to_string();
                let guess = message.split("did you mean ").nth(1).unwrap_or_default();
                guess.split('?').next().unwrap_or_default().to_owned()
            })
            .collect();
        assert_eq!(guesses, ["`list`", "`fetch`", "`create`"]);
        assert_eq!(kinds(&args), [OpKind::List, OpKind::Fetch, OpKind::Create]);
        let body = &args.operation(OpKind::Create).unwrap().ty;
        assert_eq!(quote!(#body).to_string(), "NewThing");
    }
}
