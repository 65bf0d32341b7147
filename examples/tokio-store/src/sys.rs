//! The few system calls std does not offer on a directory descriptor, as io::Result.
use std::ffi::CString;
use std::fs::File;
use std::io;
use std::os::unix::io::{AsRawFd, FromRawFd, OwnedFd};

fn check(result: libc::c_int) -> io::Result<libc::c_int> {
    if result < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(result)
    }
}

pub fn name(text: &str) -> io::Result<CString> {
    CString::new(text).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

/// openat(2), always with O_CLOEXEC; never follows a symlink when flags hold O_NOFOLLOW.
pub fn open_at(dir: &impl AsRawFd, name: &CString, flags: libc::c_int, mode: libc::mode_t) -> io::Result<File> {
    let fd = check(unsafe { libc::openat(dir.as_raw_fd(), name.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) })?;
    Ok(File::from(unsafe { OwnedFd::from_raw_fd(fd) }))
}

pub fn mkdir_at(dir: &impl AsRawFd, name: &CString) -> io::Result<()> {
    check(unsafe { libc::mkdirat(dir.as_raw_fd(), name.as_ptr(), 0o755) }).map(drop)
}

pub fn unlink_at(dir: &impl AsRawFd, name: &CString) -> io::Result<()> {
    check(unsafe { libc::unlinkat(dir.as_raw_fd(), name.as_ptr(), 0) }).map(drop)
}

pub fn rename_at(dir: &impl AsRawFd, from: &CString, to: &CString) -> io::Result<()> {
    check(unsafe { libc::renameat(dir.as_raw_fd(), from.as_ptr(), dir.as_raw_fd(), to.as_ptr()) }).map(drop)
}

/// Whether `name` in `dir` is a symlink; a name that does not exist is not.
pub fn is_symlink_at(dir: &impl AsRawFd, name: &CString) -> io::Result<bool> {
    let mut status: libc::stat = unsafe { std::mem::zeroed() };
    match check(unsafe { libc::fstatat(dir.as_raw_fd(), name.as_ptr(), &mut status, libc::AT_SYMLINK_NOFOLLOW) }) {
        Ok(_) => Ok(status.st_mode & libc::S_IFMT == libc::S_IFLNK),
        Err(error) if error.raw_os_error() == Some(libc::ENOENT) => Ok(false),
        Err(error) => Err(error),
    }
}

/// Turns O_DIRECT off on an open file, so that a tail of any length can be written through it.
pub fn clear_direct(file: &File) -> io::Result<()> {
    let flags = check(unsafe { libc::fcntl(file.as_raw_fd(), libc::F_GETFL) })?;
    check(unsafe { libc::fcntl(file.as_raw_fd(), libc::F_SETFL, flags & !libc::O_DIRECT) }).map(drop)
}
