#[derive(
    ::twilio_resource::__private::serde::Serialize,
    ::twilio_resource::__private::serde::Deserialize
)]
#[serde(crate = "::twilio_resource::__private::serde", rename_all = "camelCase")]
pub struct Broken {
    id: Option<String>,
}
::core::compile_error! {
    "empty placeholder `<>`: name it, like `<Sid>`"
}
