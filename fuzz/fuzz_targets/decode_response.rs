//! 2xx bodies decoded into the example's `#[twilio_resource]` model: any bytes either decode or
//! give a `Decode` error naming the type; whatever decodes survives a JSON round trip unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twilio_resource::__fuzz::decode;
use twilio_resource::Error;
use twilio_resource_examples::Participant;

fuzz_target!(|body: &[u8]| {
    match decode::<Participant>(body) {
        Ok(participant) => {
            let json = serde_json::to_vec(&participant).expect("a decoded model serializes");
            let again = decode::<Participant>(&json).expect("a serialized model decodes");
            assert_eq!(again, participant);
        }
        Err(error @ Error::Decode { .. }) => {
            let message = error.to_string();
            assert!(message.contains("`Participant`"), "{message}");
        }
        Err(other) => panic!("decoding gave a non-decode error: {other:?}"),
    }
});
