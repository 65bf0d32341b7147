//! A refused request: the protocol's `{"ok":false,"error":CODE,"message":...}`.
use std::fmt;
use std::io;

#[derive(Debug)]
pub struct Failure {
    pub code: &'static str,
    pub message: String,
}

impl Failure {
    pub fn new(code: &'static str, message: impl Into<String>) -> Failure {
        Failure { code, message: message.into() }
    }

    pub fn protocol(message: impl Into<String>) -> Failure {
        Failure::new("EPROTO", message)
    }

    pub fn bad_handle(handle: &str) -> Failure {
        Failure::new("EBADHANDLE", format!("no open handle {:?} (never opened, finished, aborted or failed)", handle))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        Failure::new(errno_name(&error), error.to_string())
    }
}

/// The errno name the protocol asks for; an error without one is an I/O error.
fn errno_name(error: &io::Error) -> &'static str {
    match error.raw_os_error() {
        Some(libc::ENOSPC) => "ENOSPC",
        Some(libc::EDQUOT) => "EDQUOT",
        Some(libc::EINVAL) => "EINVAL",
        Some(libc::ENOENT) => "ENOENT",
        Some(libc::ELOOP) => "ELOOP",
        Some(libc::EBUSY) => "EBUSY",
        Some(libc::EEXIST) => "EEXIST",
        Some(libc::EISDIR) => "EISDIR",
        Some(libc::ENOTDIR) => "ENOTDIR",
        Some(libc::ENAMETOOLONG) => "ENAMETOOLONG",
        Some(libc::EACCES) => "EACCES",
        Some(libc::EPERM) => "EPERM",
        Some(libc::EROFS) => "EROFS",
        _ => "EIO",
    }
}
