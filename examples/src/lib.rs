//! Examples live beside this file; see fetch_participant.rs.
