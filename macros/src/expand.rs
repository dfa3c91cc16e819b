//! Code generation from a validated [`Resource`](crate::model::Resource).
//!
//! Generated code names every runtime item through `<crate>::__private` or the crate root by an
//! absolute path, so it compiles whatever the user has in scope and needs no extra dependencies.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Data, DeriveInput, LitStr};

use crate::args::{self, Args};
use crate::model::{self, Resource};
use crate::template::Part;

/// The whole expansion: the user's struct with serde derives, the `Resource` impl, `path` and `fetch`.
///
/// On error it still emits the user's item (with serde derives where they apply) next to the
/// errors, so one mistake in the attribute gives one error instead of a cascade of unknown types.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(item.clone()) {
        Ok(input) => input,
        Err(error) => {
            let error = error.to_compile_error();
            return quote!(#item #error);
        }
    };
    let mut errors = Vec::new();
    let args = args::parse(args, &mut errors);
    match model::build(&args, errors, &input) {
        Ok(resource) => expand_resource(&resource),
        Err(error) => {
            let error = error.to_compile_error();
            let fallback = fallback_item(&args, &input);
            quote!(#fallback #error)
        }
    }
}

fn expand_resource(resource: &Resource) -> TokenStream {
    let krate = &resource.krate;
    let serde_attrs = serde_attributes(krate, Some(&resource.rename_all));
    let item = &resource.item;
    let ident = &item.ident;
    let vis = &item.vis;
    let base_url = resource.base_url.trim_end_matches('/');
    let path_text = &resource.path_text;

    let segments = resource.template.parts.iter().map(|part| match part {
        Part::Literal(text) => quote!(#krate::Segment::Literal(#text)),
        Part::Placeholder(p) => {
            let (name, param) = (&p.name, &p.param);
            quote!(#krate::Segment::Param { placeholder: #name, parameter: #param })
        }
    });
    let params: Vec<Ident> = resource
        .template
        .placeholders()
        .map(|p| param_ident(&p.param))
        .collect();

    let path_doc = format!(
        "Builds the request path `{path_text}`: each value becomes exactly one percent-encoded path segment.\n\n\
         # Errors\n\n[`Error::InvalidArgument`]({}::Error::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.",
        path_to_string(krate),
    );
    let fetch_doc = format!(
        "Fetches one `{ident}` with `GET {base_url}{path_text}`, retrying throttling and transient failures as the client is configured.\n\n\
         # Errors\n\nAny [`Error`]({}::Error): a refused argument, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.",
        path_to_string(krate),
    );
    let str_ty = quote!(::core::primitive::str);

    quote! {
        #serde_attrs
        #item

        #[automatically_derived]
        impl #krate::Resource for #ident {
            const BASE_URL: &'static #str_ty = #base_url;
            const PATH: #krate::PathTemplate = #krate::PathTemplate::new(#path_text, &[#(#segments),*]);
        }

        #[automatically_derived]
        // `impl AsRef<str>` parameters are the documented API; one parameter per placeholder.
        #[allow(clippy::impl_trait_in_params, clippy::too_many_arguments)]
        impl #ident {
            #[doc = #path_doc]
            #vis fn path(
                #(#params: impl ::core::convert::AsRef<#str_ty>),*
            ) -> ::core::result::Result<::std::string::String, #krate::Error> {
                <Self as #krate::Resource>::PATH.render(&[
                    #(::core::convert::AsRef::<#str_ty>::as_ref(&#params)),*
                ])
            }

            #[doc = #fetch_doc]
            #vis async fn fetch(
                client: &#krate::Client,
                #(#params: impl ::core::convert::AsRef<#str_ty>),*
            ) -> ::core::result::Result<Self, #krate::Error> {
                client.fetch::<Self>(&Self::path(#(#params),*)?).await
            }
        }
    }
}

/// `#[derive(Serialize, Deserialize)]` and `#[serde(crate = "…", rename_all = "…")]`, reached
/// through the runtime's hidden re-export so users need no serde dependency for the resource.
fn serde_attributes(krate: &syn::Path, rename_all: Option<&str>) -> TokenStream {
    let serde = quote!(#krate::__private::serde);
    let serde_crate = LitStr::new(
        &format!("{}::__private::serde", path_to_string(krate)),
        Span::call_site(),
    );
    let rename = rename_all.map(|rule| quote!(, rename_all = #rule));
    quote! {
        #[derive(#serde::Serialize, #serde::Deserialize)]
        #[serde(crate = #serde_crate #rename)]
    }
}

/// What to emit next to the errors: the item itself, with the serde derives when serde can take
/// it (so field-level `#[serde(...)]` attributes do not add errors of their own).
fn fallback_item(args: &Args, input: &DeriveInput) -> TokenStream {
    // A bad `crate` was already reported; the fallback uses the default instead.
    let krate = model::krate_path(args, &mut Vec::new());
    let serde_can_derive =
        !matches!(input.data, Data::Union(_)) && input.generics.params.is_empty();
    if serde_can_derive && model::serde_derives(input).is_empty() {
        let serde_attrs = serde_attributes(&krate, None);
        quote!(#serde_attrs #input)
    } else {
        quote!(#input)
    }
}

/// A parameter identifier; keywords that `r#` can carry (`type`, `match`, ...) become raw.
fn param_ident(param: &str) -> Ident {
    syn::parse_str::<Ident>(param).unwrap_or_else(|_| format_ident!("r#{}", param))
}

fn path_to_string(path: &syn::Path) -> String {
    quote!(#path).to_string().replace(' ', "")
}

#[cfg(test)]
mod tests {
    use expect_test::expect_file;
    use quote::quote;

    use super::expand;

    /// The expansion, formatted as `cargo expand` would show it.
    fn pretty(args: proc_macro2::TokenStream, item: proc_macro2::TokenStream) -> String {
        let file: syn::File =
            syn::parse2(expand(args, item)).expect("the expansion parses as a file");
        prettyplease::unparse(&file)
    }

    #[test]
    fn expands_the_seed_participant() {
        let output = pretty(
            quote!(path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>"),
            quote! {
                /// A participant.
                #[derive(Debug, Clone, PartialEq)]
                pub struct Participant {
                    pub id: Option<String>,
                    pub conversation_id: Option<String>,
                    #[serde(rename = "type")]
                    pub kind: Option<String>,
                }
            },
        );
        expect_file!["../tests/snapshots/participant.expanded.rs"].assert_eq(&output);
    }

    #[test]
    fn expands_every_key_and_a_keyword_placeholder() {
        let output = pretty(
            quote!(
                path = "/2010-04-01/Accounts/<AccountSid>/Calls/<Type>.json",
                base_url = "https://api.twilio.com/",
                rename_all = "snake_case",
                crate = "::my_app::twilio"
            ),
            quote!(
                pub(crate) struct Call {
                    sid: Option<String>,
                }
            ),
        );
        expect_file!["../tests/snapshots/every_key.expanded.rs"].assert_eq(&output);
    }

    #[test]
    fn an_error_still_emits_the_struct_with_serde_derives() {
        let output = pretty(
            quote!(path = "/v2/<>"),
            quote!(
                pub struct Broken {
                    id: Option<String>,
                }
            ),
        );
        expect_file!["../tests/snapshots/error_fallback.expanded.rs"].assert_eq(&output);
    }
}
