use std::io;
use std::process::{Command, Output};

pub fn archive(dir: &str) -> io::Result<Output> {
    Command::new("sh")
        .arg("-c")
        // ruleid: rust.command-injection
        .arg(format!("tar czf /backups/site.tgz {dir}"))
        .output()
}

pub fn run_hook(script: &str) -> io::Result<Output> {
    // ruleid: rust.command-injection
    Command::new("bash").args(["-c", script]).output()
}

pub fn run_windows(line: &str) -> io::Result<Output> {
    let mut cmd = Command::new("cmd");
    // ruleid: rust.command-injection
    cmd.arg("/C").arg(line);
    cmd.output()
}

pub fn archive_safely(dir: &str) -> io::Result<Output> {
    // ok: rust.command-injection
    Command::new("tar").args(["czf", "/backups/site.tgz", "--", dir]).output()
}

pub fn uptime() -> io::Result<Output> {
    // ok: rust.command-injection
    Command::new("sh").arg("-c").arg("uptime").output()
}
