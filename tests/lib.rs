//! Integration tests for twilio-resource; see the files beside this one.
