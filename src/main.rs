//! The `bpa` binary: install the error report hooks, then hand over to the CLI.

use std::io::Write;

fn main() -> std::process::ExitCode {
    // `bpa --version` alone answers before the command line's full tree of
    // subcommands is built, the same line clap would print.
    let mut args = std::env::args_os().skip(1);
    if let (Some(arg), None) = (args.next(), args.next())
        && (arg == "--version" || arg == "-V")
    {
        // Like clap: a closed or full stdout is no reason to panic.
        let _ = writeln!(
            std::io::stdout().lock(),
            "bpa {}",
            env!("CARGO_PKG_VERSION")
        );
        return std::process::ExitCode::SUCCESS;
    }
    bpa::install_error_hooks();
    bpa::cli::main()
}
