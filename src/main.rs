use std::process::ExitCode;

fn main() -> ExitCode {
    lookout::cli::main()
}
