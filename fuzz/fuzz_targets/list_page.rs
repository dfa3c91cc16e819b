//! List pages read as `List` reads them, whole and in one pass: any bytes give records or a
//! `Decode` error, never a panic or another kind of error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twilio_resource::__fuzz::read_list_page;
use twilio_resource::Error;

fuzz_target!(|body: &[u8]| {
    match read_list_page(body) {
        Ok(_) | Err(Error::Decode { .. }) => {}
        Err(other) => panic!("a page gave a non-decode error: {other:?}"),
    }
});
