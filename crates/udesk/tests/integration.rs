//! Every integration test of this crate, built as one test binary (one link instead of one per
//! file keeps a cold build small and fast).

mod common;

mod client_behaviour;
mod fixtures;
mod streams;
mod wire_examples;
