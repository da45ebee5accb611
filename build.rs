//! Links the `bpa` binary with packed relative relocations where the
//! system's linker and C library support them (GNU/Linux with binutils 2.38
//! and glibc 2.36 or newer): the loader then has a table of a few kilobytes
//! to work through at each start instead of hundreds. Elsewhere, or when
//! the probe below fails, the binary is linked as usual.

use std::path::PathBuf;
use std::process::Command;

const FLAG: &str = "-Wl,-z,pack-relative-relocs";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CC");
    println!("cargo:rerun-if-env-changed=BPA_PLAIN_RELOCS");
    // A binary linked so needs glibc 2.36 or newer where it runs: set
    // BPA_PLAIN_RELOCS=1 to build one to copy to an older system.
    if std::env::var_os("BPA_PLAIN_RELOCS").is_some() {
        return;
    }
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let native = var("HOST") == var("TARGET");
    if native
        && var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && probe().unwrap_or(false)
    {
        println!("cargo:rustc-link-arg-bins={FLAG}");
    }
}

/// Links a small program with the flag and runs it: true only when both work.
fn probe() -> Option<bool> {
    let dir = PathBuf::from(std::env::var_os("OUT_DIR")?);
    let source = dir.join("probe.c");
    let program = dir.join("probe");
    std::fs::write(&source, "int main(void) { return 0; }\n").ok()?;
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let linked = Command::new(cc)
        .arg(FLAG)
        .arg(&source)
        .arg("-o")
        .arg(&program)
        .output()
        .ok()?;
    // A linker that does not know the flag may only warn: look for that too.
    let warned = String::from_utf8_lossy(&linked.stderr).contains("pack-relative-relocs");
    if !linked.status.success() || warned {
        return Some(false);
    }
    Some(Command::new(&program).status().ok()?.success())
}
