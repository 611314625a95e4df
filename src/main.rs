//! The `vsm` binary: parse arguments, run the command, turn the result into an exit code.

use clap::Parser;

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = vsm::cli::Cli::parse();
    match vsm::cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            vsm::stderrln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
