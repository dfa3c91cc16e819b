//! The attribute's keys: `#[twilio_resource(path = "…", base_url = "…", rename_all = "…", crate = "…")]`.

use proc_macro2::{TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser};
use syn::{LitStr, Token};

pub const PATH: &str = "path";
pub const BASE_URL: &str = "base_url";
pub const RENAME_ALL: &str = "rename_all";
pub const CRATE: &str = "crate";
/// Every key the attribute accepts, in the order the docs list them.
pub const KEYS: &[&str] = &[PATH, BASE_URL, RENAME_ALL, CRATE];

/// The attribute's arguments as written; every value is still a spanned string literal.
#[derive(Default)]
pub struct Args {
    pub path: Option<LitStr>,
    pub base_url: Option<LitStr>,
    pub rename_all: Option<LitStr>,
    pub krate: Option<LitStr>,
    /// Keys that were written but whose value was refused; they are not also "missing".
    pub refused: Vec<String>,
}

/// Parses the arguments, collecting every error instead of stopping at the first.
pub fn parse(tokens: TokenStream, errors: &mut Vec<syn::Error>) -> Args {
    let mut args = Args::default();
    let mut refused = Vec::new();
    let parser = syn::meta::parser(|meta| {
        let key = meta
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_else(|| path_text(&meta));
        let slot = match key.as_str() {
            PATH => &mut args.path,
            BASE_URL => &mut args.base_url,
            RENAME_ALL => &mut args.rename_all,
            CRATE => &mut args.krate,
            _ => {
                errors.push(meta.error(format!(
                    "unknown key `{key}` in #[twilio_resource]; valid keys are {}",
                    KEYS.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                )));
                return skip_value(&meta);
            }
        };
        let value = string_value(&meta, &key)?;
        match value {
            Err(error) => {
                errors.push(error);
                refused.push(key);
            }
            Ok(_) if slot.is_some() => errors.push(syn::Error::new_spanned(
                &meta.path,
                format!("duplicate key `{key}` in #[twilio_resource]; give it once"),
            )),
            Ok(lit) => *slot = Some(lit),
        }
        Ok(())
    });
    if let Err(error) = parser.parse2(tokens) {
        errors.push(error);
    }
    args.refused = refused;
    args
}

/// Reads `= "text"`. A value that is not a string literal is reported (spanned on the value) and
/// consumed, so parsing can go on to the next key.
fn string_value(meta: &ParseNestedMeta<'_>, key: &str) -> syn::Result<Result<LitStr, syn::Error>> {
    let input = meta.value()?;
    if input.peek(LitStr) {
        return Ok(Ok(input.parse()?));
    }
    let tokens = tokens_until_comma(input)?;
    let example = match key {
        PATH => "path = \"/v2/Conversations/<ConversationSid>\"",
        BASE_URL => "base_url = \"https://conversations.twilio.com\"",
        RENAME_ALL => "rename_all = \"snake_case\"",
        _ => "crate = \"::twilio_resource\"",
    };
    let message = format!("`{key}` takes a string literal, like {example}");
    Ok(Err(if tokens.is_empty() {
        meta.error(message)
    } else {
        syn::Error::new_spanned(tokens, message)
    }))
}

/// Consumes whatever an unknown key carries (`= …` or `(…)`), so the keys after it are still checked.
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

fn path_text(meta: &ParseNestedMeta<'_>) -> String {
    let segments: Vec<String> = meta
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    segments.join("::")
}
