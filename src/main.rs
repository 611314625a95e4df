//! The `vsm` binary: parse arguments, run the command, turn the result into an exit code.

use clap::Parser;

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = vsm::cli::Cli::parse();
    match vsm::cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            // Errors quote paths and arguments: no control sequence of theirs reaches the
            // terminal (line breaks between a config's problems stay).
            let message = format!("{error:#}");
            vsm::stderrln!("error: {}", vsm::text::escaped_lines(&message));
            ExitCode::from(2)
        }
    }
}
