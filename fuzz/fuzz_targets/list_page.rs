//! List pages read as a large page is, as it arrives in chunks: any bytes give records or a
//! `Decode` error, never a panic; where the chunks' boundaries fall changes nothing; and a page
//! read so reads as the same page read whole. The first byte is the chunk size.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twilio_resource::__fuzz::read_list_page;
use twilio_resource::Error;

fuzz_target!(|input: &[u8]| {
    let Some((&size, body)) = input.split_first() else {
        return;
    };
    let whole = read_list_page(body, None);
    let chunked = read_list_page(body, Some(usize::from(size).max(1)));
    let in_one_chunk = read_list_page(body, Some(body.len().max(1)));
    let shown = |read: &Result<_, Error>| format!("{read:?}");
    assert_eq!(shown(&chunked), shown(&in_one_chunk));
    match &chunked {
        Ok(read) => assert_eq!(whole.as_ref().ok(), Some(read), "whole: {whole:?}"),
        Err(Error::Decode { .. }) => {}
        Err(other) => panic!("a page gave a non-decode error: {other:?}"),
    }
});
