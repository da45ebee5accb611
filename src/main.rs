//! The `bpa` binary: install the error report hooks, then hand over to the CLI.

fn main() -> std::process::ExitCode {
    bpa::install_error_hooks();
    bpa::cli::main()
}
