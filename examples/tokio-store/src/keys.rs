//! Keys as the protocol defines them: `/`-separated relative paths, walked one directory at a time
//! from descriptors, never through a symlink, so nothing outside the root is touched.
use crate::failure::Failure;
use crate::sys;
use std::ffi::CString;
use std::fs::File;
use std::io;
use std::path::Path;

const DIRECTORY: libc::c_int = libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NOFOLLOW;

/// The directory that holds a key's object, open, and the object's name in it.
pub struct Parent {
    pub dir: File,
    pub name: CString,
}

impl Parent {
    /// Opens the key's parent directory; with `create`, makes (and syncs) the directories missing.
    pub fn of(root: &Path, key: &str, create: bool) -> Result<Parent, Failure> {
        let segments = segments(key)?;
        let mut dir = File::open(root)?;
        let (last, parents) = segments.split_last().expect("a valid key has a segment");
        for segment in parents {
            dir = enter(&dir, &sys::name(segment)?, create)?;
        }
        let parent = Parent { dir, name: sys::name(last)? };
        parent.refuse_symlink()?;
        Ok(parent)
    }

    pub fn refuse_symlink(&self) -> Result<(), Failure> {
        refuse_symlink(&self.dir, &self.name)
    }

    /// Makes a rename or an unlink in this directory durable.
    pub fn sync(&self) -> io::Result<()> {
        self.dir.sync_all()
    }
}

/// Checks a key's form; refuses it with EINVAL when it could leave the root.
pub fn segments(key: &str) -> Result<Vec<&str>, Failure> {
    let segments: Vec<&str> = key.split('/').collect();
    if key.contains('\0') || segments.iter().any(|s| s.is_empty() || *s == "." || *s == "..") {
        return Err(Failure::new("EINVAL", format!("bad key {:?}: segments may not be empty, '.' or '..'", key)));
    }
    Ok(segments)
}

fn enter(dir: &File, name: &CString, create: bool) -> Result<File, Failure> {
    refuse_symlink(dir, name)?;
    match sys::open_at(dir, name, DIRECTORY, 0) {
        Err(error) if create && error.raw_os_error() == Some(libc::ENOENT) => {
            if let Err(error) = sys::mkdir_at(dir, name) {
                if error.raw_os_error() != Some(libc::EEXIST) {
                    return Err(error.into());
                }
            }
            let child = sys::open_at(dir, name, DIRECTORY, 0)?;
            dir.sync_all()?;
            Ok(child)
        }
        opened => Ok(opened?),
    }
}

fn refuse_symlink(dir: &File, name: &CString) -> Result<(), Failure> {
    if sys::is_symlink_at(dir, name)? {
        return Err(Failure::new("ELOOP", format!("{:?} is a symlink: keys never go through one", name)));
    }
    Ok(())
}
