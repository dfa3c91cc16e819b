//! `twilio-local-server [--port N] [--threads N] [--fault-every N --faults 429,cut,...] [--log]`:
//! the local Twilio server in a process of its own; see [`twilio_local_server::cli`].

fn main() -> std::process::ExitCode {
    twilio_local_server::cli::run(std::env::args().skip(1))
}
