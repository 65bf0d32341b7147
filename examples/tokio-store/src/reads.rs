//! What both stores share beside their writers: reads and deletes of objects.
use crate::aligned::{AlignedBuf, ALIGNMENT};
use crate::failure::Failure;
use crate::keys::Parent;
use crate::sys;
use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;

const READ: libc::c_int = libc::O_RDONLY | libc::O_NOFOLLOW;

/// The whole object, read with O_DIRECT into aligned memory where the filesystem takes it.
pub fn read_whole(parent: &Parent) -> Result<Vec<u8>, Failure> {
    let (file, direct) = match sys::open_at(&parent.dir, &parent.name, READ | libc::O_DIRECT, 0) {
        Err(error) if error.raw_os_error() == Some(libc::EINVAL) => (sys::open_at(&parent.dir, &parent.name, READ, 0)?, false),
        opened => (opened?, true),
    };
    let mut buffer = AlignedBuf::new();
    let mut object = Vec::new();
    loop {
        let read = read_at(&file, buffer.window(), object.len() as u64)?;
        object.extend_from_slice(&buffer.window()[..read]);
        // O_DIRECT reads at an aligned offset only; a read that ends unaligned ended at the end of the file
        if read == 0 || (direct && read % ALIGNMENT != 0) {
            return Ok(object);
        }
    }
}

/// `length` bytes from `offset` (all of them to the end without a length): fewer at the end, none past it.
pub fn read_range(parent: &Parent, offset: u64, length: Option<u64>) -> Result<Vec<u8>, Failure> {
    let file = sys::open_at(&parent.dir, &parent.name, READ, 0)?;
    let end = file.metadata()?.len();
    let wanted = end.saturating_sub(offset).min(length.unwrap_or(u64::MAX));
    let mut window = vec![0u8; wanted as usize];
    let mut done = 0;
    while done < window.len() {
        let read = read_at(&file, &mut window[done..], offset + done as u64)?;
        if read == 0 {
            break;
        }
        done += read;
    }
    window.truncate(done);
    Ok(window)
}

fn read_at(file: &File, into: &mut [u8], offset: u64) -> io::Result<usize> {
    loop {
        match file.read_at(into, offset) {
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            read => return read,
        }
    }
}

/// Removes the object and makes the removal durable.
pub fn delete(parent: &Parent) -> Result<(), Failure> {
    sys::unlink_at(&parent.dir, &parent.name)?;
    Ok(parent.sync()?)
}
