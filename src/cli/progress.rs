//! A line on stderr about once a second while a long import runs, on a
//! terminal only: piped or in a script, nothing is added to the output.

use std::io::{IsTerminal, Read};
use std::time::{Duration, Instant};

/// How often a line is written.
const EVERY: Duration = Duration::from_secs(1);

pub struct Progress {
    on: bool,
    last: Instant,
}

impl Progress {
    pub fn new() -> Self {
        Self {
            on: std::io::stderr().is_terminal(),
            last: Instant::now(),
        }
    }

    /// Writes `line()` when a second has passed since the last line.
    pub fn tell(&mut self, line: impl FnOnce() -> String) {
        if self.on && self.last.elapsed() >= EVERY {
            eprintln!("{}", line());
            self.last = Instant::now();
        }
    }
}

/// A file being read, telling how far in it is.
pub struct Reading<'a, R> {
    inner: R,
    read: u64,
    size: u64,
    progress: &'a mut Progress,
}

impl<'a, R: Read> Reading<'a, R> {
    pub fn new(inner: R, size: u64, progress: &'a mut Progress) -> Self {
        Self {
            inner,
            read: 0,
            size,
            progress,
        }
    }
}

impl<R: Read> Read for Reading<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        let (read, size) = (self.read, self.size.max(1));
        self.progress
            .tell(|| format!("Reading the file: {} %", read * 100 / size));
        Ok(n)
    }
}
