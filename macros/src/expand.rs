//! Code generation from a [`Resource`](crate::model::Resource): one small function per operation.
//!
//! Generated code names every runtime item through `<crate>::__private` or the crate root by an
//! absolute path, so it compiles whatever the user has in scope and needs no extra dependencies.
//! Each generated method is a plain function, one line into the runtime: it builds its path and
//! returns the runtime's request (no `async`, so no state machine of its own).

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, LitStr};

use crate::args;
use crate::model::{self, Address, BodyFormat, Op, Resource, UpdateMethod};
use crate::template::Template;

/// The whole expansion: the user's struct with serde derives, the `Resource` impl, `path`,
/// `collection_path` and one method per operation, followed by every error found.
///
/// After an error the expansion still generates every method it can (with a placeholder where a
/// value was refused), so one mistake in the attribute gives one error, not another at each call.
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
    let (resource, errors) = model::build(&args, errors, &input);
    let code = expand_resource(&resource);
    let errors = errors.iter().map(syn::Error::to_compile_error);
    quote!(#code #(#errors)*)
}

fn expand_resource(resource: &Resource) -> TokenStream {
    let serde_attrs = serde_attributes(resource);
    let item = &resource.item;
    let Some(address) = &resource.address else {
        return quote!(#serde_attrs #item);
    };
    let generate = Methods::new(resource, address);
    let krate = &resource.krate;
    let ident = &item.ident;
    let base_url = &resource.base_url;
    let path = template_tokens(krate, &address.path);
    let ops = &resource.operations;
    let generates_collection = ops.list.is_some() || ops.create.is_some();

    // The collection gets a constant of its own only when it differs from the path (singletons
    // and list-only resources are their own collection).
    let own_collection = address
        .collection
        .as_ref()
        .filter(|collection| generates_collection && **collection != address.path);
    let collection_const = own_collection.map(|collection| {
        let tokens = template_tokens(krate, collection);
        quote!(const __COLLECTION: #krate::PathTemplate = #tokens;)
    });
    // `Protocol::V2` is the trait's default: written only when it differs.
    let protocol = protocol_tokens(krate, &resource.protocol)
        .map(|protocol| quote!(const PROTOCOL: #krate::Protocol = #protocol;));

    let methods = [
        Some(generate.path()),
        generates_collection.then(|| generate.collection_path(own_collection.is_some())),
        ops.fetch.as_ref().map(|op| generate.fetch(op)),
        ops.list.as_ref().map(|op| generate.list(op)),
        ops.create.as_ref().map(|op| generate.create(op)),
        ops.update.as_ref().map(|op| generate.update(op)),
        ops.delete.as_ref().map(|op| generate.delete(op)),
    ];
    let methods = methods.into_iter().flatten();

    quote! {
        #serde_attrs
        #item

        #[automatically_derived]
        impl #krate::Resource for #ident {
            const BASE_URL: &'static ::core::primitive::str = #base_url;
            const PATH: #krate::PathTemplate = #path;
            #protocol
        }

        #[automatically_derived]
        // `impl AsRef<str>` parameters are the documented API; one parameter per placeholder.
        #[allow(clippy::impl_trait_in_params, clippy::too_many_arguments)]
        impl #ident {
            #collection_const
            #(#methods)*
        }
    }
}

/// `PathTemplate::new("…/<Sid>", &["sid"])`: the text and each placeholder's parameter name.
fn template_tokens(krate: &syn::Path, template: &Template) -> TokenStream {
    let text = template.text("<", ">");
    let parameters = template.params().map(|p| &p.parameter);
    quote!(#krate::PathTemplate::new(#text, &[#(#parameters),*]))
}

/// The resource's `Protocol`, or `None` for `Protocol::V2` (the trait's default).
fn protocol_tokens(krate: &syn::Path, protocol: &model::Protocol) -> Option<TokenStream> {
    let page_size = protocol.page_size_parameter.as_deref();
    let named = match (protocol.body, protocol.update_method, page_size) {
        (BodyFormat::Json, UpdateMethod::Put, Some("pageSize")) => Some(quote!(V2)),
        (BodyFormat::Form, UpdateMethod::Post, Some("PageSize")) => Some(quote!(CLASSIC)),
        _ => None,
    };
    let base = match named {
        Some(named) if !protocol.idempotency_key && named.to_string() == "V2" => return None,
        Some(named) => quote!(#krate::Protocol::#named),
        None => {
            let body = Ident::new(protocol.body.variant(), Span::call_site());
            let method = Ident::new(protocol.update_method.variant(), Span::call_site());
            let page_size = match page_size {
                Some(name) => quote!(::core::option::Option::Some(#name)),
                None => quote!(::core::option::Option::None),
            };
            quote! {
                #krate::Protocol::new(#krate::BodyFormat::#body, #krate::UpdateMethod::#method, #page_size)
            }
        }
    };
    Some(if protocol.idempotency_key {
        quote!(#base.with_idempotency_key())
    } else {
        base
    })
}

/// What every generated method shares.
struct Methods<'a> {
    krate: &'a syn::Path,
    vis: &'a syn::Visibility,
    /// The struct's name, for docs.
    name: String,
    /// `https://host/…/{Sid}.json`, for docs.
    path_url: String,
    collection_url: String,
    /// `Error`'s path as docs link it.
    error_link: String,
    body: &'static str,
    update_method: UpdateMethod,
    idempotency_key: bool,
    page_size_parameter: Option<&'a str>,
    path_params: Vec<Ident>,
    collection_params: Vec<Ident>,
}

impl<'a> Methods<'a> {
    fn new(resource: &'a Resource, address: &Address) -> Self {
        let url = |template: &Template| format!("{}{}", resource.base_url, template.text("{", "}"));
        let collection = address.collection.as_ref().unwrap_or(&address.path);
        Methods {
            krate: &resource.krate,
            vis: &resource.item.vis,
            name: resource.item.ident.to_string(),
            path_url: url(&address.path),
            collection_url: url(collection),
            error_link: format!("{}::Error", path_to_string(&resource.krate)),
            body: resource.protocol.body.described(),
            update_method: resource.protocol.update_method,
            idempotency_key: resource.protocol.idempotency_key,
            page_size_parameter: resource.protocol.page_size_parameter.as_deref(),
            path_params: params(&address.path),
            collection_params: params(collection),
        }
    }

    fn path(&self) -> TokenStream {
        let (krate, vis) = (self.krate, self.vis);
        let params = &self.path_params;
        let doc = format!(
            "Builds the request path `{}`: each value becomes exactly one percent-encoded path segment.\n\n{}",
            path_part(&self.path_url),
            self.path_errors(),
        );
        let declared = declare(params);
        let values = as_refs(params);
        quote! {
            #[doc = #doc]
            #vis fn path(#declared) -> ::core::result::Result<::std::string::String, #krate::Error> {
                <Self as #krate::Resource>::PATH.render(&[#values])
            }
        }
    }

    /// `own`: the collection has its own template; otherwise it is the path itself.
    fn collection_path(&self, own: bool) -> TokenStream {
        let (krate, vis) = (self.krate, self.vis);
        let params = &self.collection_params;
        let url = &self.collection_url;
        let doc = format!(
            "Builds the collection path `{}`, where `list` and `create` go: each value becomes exactly one percent-encoded path segment.\n\n{}",
            path_part(url),
            self.path_errors(),
        );
        let declared = declare(params);
        let template = if own {
            quote!(Self::__COLLECTION)
        } else {
            quote!(<Self as #krate::Resource>::PATH)
        };
        let values = as_refs(params);
        quote! {
            #[doc = #doc]
            #vis fn collection_path(#declared) -> ::core::result::Result<::std::string::String, #krate::Error> {
                #template.render(&[#values])
            }
        }
    }

    /// A `fetch = Q` or `delete = Q` query: the parameter, and the path with it appended.
    fn with_query(&self, op: &Op, path: TokenStream) -> (TokenStream, TokenStream, String) {
        let krate = self.krate;
        match &op.ty {
            // Spanned on the type, so a query type that is not `Serialize` is underlined in the attribute.
            Some(ty) => (
                quote!(query: &#ty,),
                quote_spanned!(ty.span()=> #krate::__private::with_query::<#ty>(#path, query)),
                format!(", with `query` (`{}`) as its query string", type_text(ty)),
            ),
            None => (TokenStream::new(), path, String::new()),
        }
    }

    fn fetch(&self, op: &Op) -> TokenStream {
        let (krate, vis) = (self.krate, self.vis);
        let params = &self.path_params;
        let (query_param, path, query_doc) = self.with_query(op, quote!(Self::path(#(#params),*)));
        let doc = format!(
            "Fetches one `{}` with `GET {}`{query_doc}, retrying throttling and transient failures as the client is configured.\n\n{}\n\n{}",
            self.name,
            self.path_url,
            self.settings_doc(),
            self.call_errors(),
        );
        let doc = with_own_text(op, doc);
        let declared = declare(params);
        quote! {
            #[doc = #doc]
            #vis fn fetch<'a>(
                client: &'a #krate::Client,
                #declared
                #query_param
            ) -> #krate::Request<'a, Self> {
                #krate::__private::fetch(client, #path)
            }
        }
    }

    fn list(&self, op: &Op) -> TokenStream {
        let (krate, vis) = (self.krate, self.vis);
        let params = &self.collection_params;
        let filter_doc = op.ty.as_ref().map_or(String::new(), |ty| {
            format!(", with `filter` (`{}`) as its query", type_text(ty))
        });
        let page_size_doc = match self.page_size_parameter {
            Some(name) => format!("`.page_size(n)` sends `{name}` with the first request"),
            None => "this list takes no page size".to_owned(),
        };
        let doc = format!(
            "Lists `{}` records with `GET {}`{filter_doc}.\n\n\
             The stream is lazy and holds one page at a time: nothing is sent until it is polled. \
             {page_size_doc}, `.limit(n)` stops after `n` records, \
             `.pages()` yields whole pages with a cursor to resume from.\n\n\
             # Errors\n\n\
             The stream yields one [`Error`]({}) and ends: a refused argument (before any request), \
             a failed page request, or a page that does not decode.",
            self.name, self.collection_url, self.error_link,
        );
        let doc = with_own_text(op, doc);
        let declared = declare(params);
        let (filter_param, filter_call) = match &op.ty {
            // Spanned on the type, so a filter that is not `Serialize` is underlined in the attribute.
            Some(ty) => (
                quote!(filter: &#ty,),
                quote_spanned!(ty.span()=> .filter::<#ty>(filter)),
            ),
            None => (TokenStream::new(), TokenStream::new()),
        };
        quote! {
            #[doc = #doc]
            #vis fn list(
                client: &#krate::Client,
                #declared
                #filter_param
            ) -> #krate::List<Self> {
                #krate::__private::list(client, Self::collection_path(#(#params),*))#filter_call
            }
        }
    }

    fn create(&self, op: &Op) -> TokenStream {
        let (krate, vis) = (self.krate, self.vis);
        let params = &self.collection_params;
        let doc = format!(
            "Creates a `{}` with `POST {}` ({}{}) and returns it as Twilio answers.\n\n{}\n\n{}\n\n{}",
            self.name,
            self.collection_url,
            self.body,
            body_of(op),
            self.post_retries(),
            self.settings_doc(),
            self.call_errors(),
        );
        let doc = with_own_text(op, doc);
        let declared = declare(params);
        let (body_ty, body_arg) = self.body_type(op);
        let call = quote_spanned! {body_arg.span()=>
            #krate::__private::create::<Self, #body_arg>(client, Self::collection_path(#(#params),*), body)
        };
        quote! {
            #[doc = #doc]
            #vis fn create<'a>(
                client: &'a #krate::Client,
                #declared
                body: &#body_ty,
            ) -> #krate::Request<'a, Self> {
                #call
            }
        }
    }

    fn update(&self, op: &Op) -> TokenStream {
        let (krate, vis) = (self.krate, self.vis);
        let params = &self.path_params;
        let method = self.update_method.http();
        let retries = if self.update_method == UpdateMethod::Post {
            self.post_retries()
        } else {
            "Retries throttling and transient failures as the client is configured.".to_owned()
        };
        let doc = format!(
            "Updates one `{}` with `{method} {}` ({}{}) and returns it as Twilio answers.\n\n{retries}\n\n{}\n\n{}",
            self.name,
            self.path_url,
            self.body,
            body_of(op),
            self.settings_doc(),
            self.call_errors(),
        );
        let doc = with_own_text(op, doc);
        let declared = declare(params);
        let (body_ty, body_arg) = self.body_type(op);
        let call = quote_spanned! {body_arg.span()=>
            #krate::__private::update::<Self, #body_arg>(client, Self::path(#(#params),*), body)
        };
        quote! {
            #[doc = #doc]
            #vis fn update<'a>(
                client: &'a #krate::Client,
                #declared
                body: &#body_ty,
            ) -> #krate::Request<'a, Self> {
                #call
            }
        }
    }

    fn delete(&self, op: &Op) -> TokenStream {
        let (krate, vis) = (self.krate, self.vis);
        let params = &self.path_params;
        let (query_param, path, query_doc) = self.with_query(op, quote!(Self::path(#(#params),*)));
        let doc = format!(
            "Deletes one `{}` with `DELETE {}`{query_doc}, retrying throttling and transient failures as the client is configured.\n\n{}\n\n{}",
            self.name,
            self.path_url,
            self.settings_doc(),
            self.call_errors(),
        );
        let doc = with_own_text(op, doc);
        let declared = declare(params);
        quote! {
            #[doc = #doc]
            #vis fn delete<'a>(
                client: &'a #krate::Client,
                #declared
                #query_param
            ) -> #krate::Request<'a, ()> {
                #krate::__private::delete::<Self>(client, #path)
            }
        }
    }

    /// The body type as declared, or (after an error only) any `Serialize` value. The call is
    /// spanned on the declared type, so a body that is not `Serialize` is underlined (once) in the
    /// attribute.
    fn body_type(&self, op: &Op) -> (TokenStream, TokenStream) {
        let krate = self.krate;
        match &op.ty {
            Some(ty) => (quote!(#ty), quote!(#ty)),
            None => (
                quote!((impl #krate::__private::serde::Serialize + ?::core::marker::Sized)),
                quote!(_),
            ),
        }
    }

    fn post_retries(&self) -> String {
        if self.idempotency_key {
            "Each call sends an `Idempotency-Key` (its own, or yours from `.idempotency_key(..)`), the same on every retry of that call, so a retry cannot act twice; throttling and transient failures are retried as the client is configured.".to_owned()
        } else {
            "A `POST` is retried only where Twilio cannot have acted on it (throttling, or a request that was never sent), so a retry cannot act twice.".to_owned()
        }
    }

    /// The settings a call takes before it is awaited.
    fn settings_doc(&self) -> String {
        let krate = path_to_string(self.krate);
        format!(
            "Await the returned [`Request`]({krate}::Request) to send it; before that, `.header(..)`, `.query(..)`, `.webhook_enabled(..)`, `.if_match(..)`, `.timeout(..)` and `.idempotency_key(..)` change this call only, and `.with_response()` resolves to the body with its status and headers."
        )
    }

    fn path_errors(&self) -> String {
        format!(
            "# Errors\n\n[`Error::InvalidArgument`]({}::InvalidArgument) naming the parameter when a value is empty, `.` or `..`.",
            self.error_link
        )
    }

    fn call_errors(&self) -> String {
        format!(
            "# Errors\n\nAny [`Error`]({}), when awaited: a refused argument or setting, a transport failure or timeout, a non-2xx answer from Twilio, or a body that does not decode.",
            self.error_link
        )
    }
}

/// The operation's text from `doc(…)`, if any, then the generated docs.
fn with_own_text(op: &Op, generated: String) -> String {
    match &op.doc {
        Some(own) => format!("{own}\n\n{generated}"),
        None => generated,
    }
}

/// `: CreateMessage` after the body format in docs.
fn body_of(op: &Op) -> String {
    op.ty
        .as_ref()
        .map(|ty| format!(": `{}`", type_text(ty)))
        .unwrap_or_default()
}

/// The path of a documented URL: `https://host/a/{B}` → `/a/{B}`.
fn path_part(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme
        .find('/')
        .and_then(|at| after_scheme.get(at..))
        .unwrap_or(after_scheme)
}

/// `a: impl AsRef<str>, b: impl AsRef<str>,`
fn declare(params: &[Ident]) -> TokenStream {
    let str_ty = str_ty();
    quote!(#(#params: impl ::core::convert::AsRef<#str_ty>,)*)
}

/// `AsRef::<str>::as_ref(&a), AsRef::<str>::as_ref(&b)`
fn as_refs(params: &[Ident]) -> TokenStream {
    let str_ty = str_ty();
    quote!(#(::core::convert::AsRef::<#str_ty>::as_ref(&#params)),*)
}

fn str_ty() -> TokenStream {
    quote!(::core::primitive::str)
}

fn params(template: &Template) -> Vec<Ident> {
    template
        .params()
        .map(|p| param_ident(&p.parameter))
        .collect()
}

/// `#[derive(Serialize, Deserialize)]` and `#[serde(crate = "…", rename_all = "…")]`, reached
/// through the runtime's hidden re-export so users need no serde dependency for the resource;
/// only the parts the user did not write (which are errors of their own).
fn serde_attributes(resource: &Resource) -> TokenStream {
    let krate = &resource.krate;
    let serde = quote!(#krate::__private::serde);
    let settings = &resource.serde;
    let mut derives = Vec::new();
    if settings.derive_serialize {
        derives.push(quote!(#serde::Serialize));
    }
    if settings.derive_deserialize {
        derives.push(quote!(#serde::Deserialize));
    }
    if derives.is_empty() {
        return TokenStream::new();
    }
    let mut keys = Vec::new();
    if settings.set_crate {
        let serde_crate = LitStr::new(
            &format!("{}::__private::serde", path_to_string(krate)),
            Span::call_site(),
        );
        keys.push(quote!(crate = #serde_crate));
    }
    if let Some(rule) = &settings.rename_all {
        keys.push(quote!(rename_all = #rule));
    }
    let container = (!keys.is_empty()).then(|| quote!(#[serde(#(#keys),*)]));
    quote! {
        #[derive(#(#derives),*)]
        #container
    }
}

/// A parameter identifier; keywords that `r#` can carry (`type`, `match`, ...) become raw. The
/// template refuses the names neither form can take (`self`, `crate`, ...), so the last fallback
/// is never used; it only keeps this function free of panics.
fn param_ident(param: &str) -> Ident {
    syn::parse_str::<Ident>(param)
        .or_else(|_| syn::parse_str::<Ident>(&format!("r#{param}")))
        .unwrap_or_else(|_| Ident::new("__parameter", Span::call_site()))
}

/// `Vec < (u8 , String) >` → `Vec<(u8, String)>`, for docs.
fn type_text(ty: &syn::Type) -> String {
    let mut text = quote!(#ty).to_string();
    for (from, to) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" < ", "<"),
        (" <", "<"),
        ("< ", "<"),
        (" >", ">"),
        (" ,", ","),
        ("& ", "&"),
        ("( ", "("),
        (" )", ")"),
        ("[ ", "["),
        (" ]", "]"),
        (" ;", ";"),
    ] {
        text = text.replace(from, to);
    }
    text
}

fn path_to_string(path: &syn::Path) -> String {
    quote!(#path).to_string().replace(' ', "")
}

#[cfg(test)]
mod tests {
    use expect_test::expect_file;
    use proc_macro2::TokenStream;
    use quote::quote;

    use super::expand;

    /// The expansion, formatted as `cargo expand` would show it.
    fn pretty(args: TokenStream, item: TokenStream) -> String {
        let file: syn::File =
            syn::parse2(expand(args, item)).expect("the expansion parses as a file");
        prettyplease::unparse(&file)
    }

    #[test]
    fn expands_the_example_participant() {
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
                crate = "::my_app::twilio",
                doc(fetch = "Reads one call.\n\nTwilio's `FetchCall`.")
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
    fn expands_a_2010_message_with_every_operation() {
        let output = pretty(
            quote!(
                path = "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
                base_url = "https://api.twilio.com",
                rename_all = "snake_case",
                fetch,
                list = MessageFilter,
                create = CreateMessage,
                update = UpdateMessage,
                delete,
            ),
            quote!(
                pub struct Message {
                    pub sid: Option<String>,
                    pub status: Option<String>,
                }
            ),
        );
        expect_file!["../tests/snapshots/message_2010.expanded.rs"].assert_eq(&output);
    }

    #[test]
    fn expands_a_v2_participant_with_json_bodies() {
        let output = pretty(
            quote!(
                path = "/v2/Conversations/<ConversationSid>/Participants/<Sid>",
                fetch,
                list,
                create = crate::bodies::NewParticipant,
                update = ParticipantUpdate,
            ),
            quote!(
                pub struct Participant {
                    pub id: Option<String>,
                }
            ),
        );
        expect_file!["../tests/snapshots/participant_lifecycle.expanded.rs"].assert_eq(&output);
    }

    #[test]
    fn expands_a_singleton() {
        let output = pretty(
            quote!(
                path = "/v1/Services/<ServiceSid>/Configuration",
                base_url = "https://chat.twilio.com",
                rename_all = "snake_case",
                fetch,
                update = ConfigurationUpdate,
            ),
            quote!(
                pub struct Configuration {
                    pub service_sid: Option<String>,
                }
            ),
        );
        expect_file!["../tests/snapshots/singleton.expanded.rs"].assert_eq(&output);
    }

    #[test]
    fn expands_a_list_only_resource() {
        let output = pretty(
            quote!(
                path = "/2010-04-01/Accounts/<AccountSid>/AvailablePhoneNumbers/<CountryCode>/Local.json",
                base_url = "https://api.twilio.com",
                rename_all = "snake_case",
                list = LocalNumberFilter,
            ),
            quote!(
                pub struct LocalNumber {
                    pub phone_number: Option<String>,
                }
            ),
        );
        expect_file!["../tests/snapshots/list_only.expanded.rs"].assert_eq(&output);
    }

    #[test]
    fn expands_idempotency_key_and_a_patch_update() {
        let output = pretty(
            quote!(
                path = "/v2/Items/<Sid>",
                idempotency_key,
                update_method = "PATCH",
                body = "json",
                create = NewItem,
                update = ItemPatch,
                delete,
            ),
            quote!(
                pub(crate) struct Item {
                    pub id: Option<String>,
                }
            ),
        );
        expect_file!["../tests/snapshots/idempotency_key.expanded.rs"].assert_eq(&output);
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

    /// A refused base URL, a misspelled operation and a `create` without a type: one error each,
    /// and every method still generated (the default base URL, the guessed `delete`, a generic body).
    #[test]
    fn mistakes_still_generate_every_method() {
        let output = pretty(
            quote!(
                path = "/v1/Services/<Sid>",
                base_url = "api.twilio.com",
                fetch,
                create,
                delet,
            ),
            quote!(
                pub struct Service {
                    pub sid: Option<String>,
                }
            ),
        );
        expect_file!["../tests/snapshots/mistakes.expanded.rs"].assert_eq(&output);
    }

    /// What no input may do: panic. Odd argument shapes and items give errors, never a panic.
    #[test]
    fn never_panics_on_odd_arguments() {
        let item = quote!(
            pub struct X {
                id: Option<String>,
            }
        );
        for args in [
            quote!(),
            quote!(path),
            quote!(path =),
            quote!(path = ,),
            quote!(path = "/<Sid>", list = , create = ),
            quote!(path = "/<Sid>", list(), create(X), fetch()),
            quote!(path = "/<Sid>", list = Vec<, fetch),
            quote!(path = "/<Sid>", idempotency_key(1), idempotency_key),
            quote!(path = "/v1/x<Sid>", list, create = B),
            quote!(a::b = 1, "lit", 5),
            quote!(path = "/v1/<Self>/<type>/<r#async>"),
            quote!(path = "/<A>", crate = "not a path"),
        ] {
            let _ = expand(args.clone(), item.clone());
            let _ = expand(
                args,
                quote!(
                    enum E {
                        A,
                    }
                ),
            );
        }
        let _ = expand(
            quote!(path = "/<A>"),
            quote!(
                fn not_an_item() {}
            ),
        );
        let _ = expand(quote!(path = "/<A>"), quote!(union U { a: u8 }));
    }
}
