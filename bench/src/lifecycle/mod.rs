//! The lifecycle benchmark's pieces (`lifecycle-bench`): generated models that list and create,
//! their hand-written twins, and a list server that makes its records up for the memory run.

pub mod hand;
pub mod models;
pub mod page_server;
