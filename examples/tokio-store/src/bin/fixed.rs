//! The fix: the s3dlio note's "Option A". Every stream writes blocking I/O on tokio's blocking pool
//! (`spawn_blocking`) from an aligned buffer: full aligned blocks are pwritten with O_DIRECT, the
//! tail is pwritten after fcntl clears O_DIRECT, and the file is fsync'd before `finish` answers.
//! The object is a temporary file beside the key, renamed over it and its directory fsync'd, so it
//! becomes visible only whole (the protocol's "atomic_visibility"); a reopen removes the
//! temporary files that a crash left.
use std::ffi::CString;
use std::fs::{self, File};
use std::io;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::runtime::{Builder, Runtime};
use tokio_store::aligned::{aligned_part, AlignedBuf};
use tokio_store::failure::Failure;
use tokio_store::keys::Parent;
use tokio_store::protocol::{serve, Store, StreamWriter};
use tokio_store::sys;

const TEMP_PREFIX: &str = ".tokio-store-";
const TEMP_SUFFIX: &str = ".tmp";
const CREATE: libc::c_int = libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL | libc::O_NOFOLLOW;
static TEMP_COUNT: AtomicU64 = AtomicU64::new(0);

struct FixedStore {
    runtime: Rc<Runtime>,
}

struct FixedWriter {
    runtime: Rc<Runtime>,
    temp: Option<Temp>,
}

/// A stream's temporary file and its aligned buffer: everything the blocking pool works on.
struct Temp {
    parent: Parent,
    name: CString,
    file: File,
    direct: bool,
    buffer: AlignedBuf,
    written: u64,
}

impl Store for FixedStore {
    type Writer = FixedWriter;
    const NAME: &'static str = "tokio-fixed-store";
    const PROMISES: &'static [&'static str] = &["atomic_visibility"];

    fn open(root: &Path) -> Result<FixedStore, Failure> {
        remove_stale_temps(root)?;
        Ok(FixedStore { runtime: Rc::new(Builder::new_current_thread().build()?) })
    }

    fn writer(&self, parent: Parent) -> Result<FixedWriter, Failure> {
        let temp = on_blocking_pool(&self.runtime, move || Temp::create(parent))?;
        Ok(FixedWriter { runtime: self.runtime.clone(), temp: Some(temp) })
    }
}

impl StreamWriter for FixedWriter {
    fn write(&mut self, chunk: Vec<u8>) -> Result<(), Failure> {
        let mut temp = self.temp.take().expect("a live writer has its file");
        let (temp, written) = on_blocking_pool(&self.runtime, move || {
            let written = temp.append(&chunk);
            (temp, written)
        });
        self.temp = Some(temp);
        Ok(written?)
    }

    fn finish(mut self) -> Result<(), Failure> {
        let mut temp = self.temp.take().expect("a live writer has its file");
        on_blocking_pool(&self.runtime, move || match temp.persist() {
            Ok(()) => Ok(()),
            Err(error) => {
                let _ = temp.discard();
                Err(error.into())
            }
        })
    }

    fn abort(mut self) -> Result<(), Failure> {
        let temp = self.temp.take().expect("a live writer has its file");
        Ok(on_blocking_pool(&self.runtime, move || temp.discard())?)
    }
}

impl Temp {
    fn create(parent: Parent) -> Result<Temp, Failure> {
        let name = sys::name(&format!("{}{}-{}{}", TEMP_PREFIX, std::process::id(), TEMP_COUNT.fetch_add(1, Ordering::Relaxed), TEMP_SUFFIX))?;
        let (file, direct) = match sys::open_at(&parent.dir, &name, CREATE | libc::O_DIRECT, 0o644) {
            // a filesystem without O_DIRECT gets buffered writes, still synced before the answer
            Err(error) if error.raw_os_error() == Some(libc::EINVAL) => (sys::open_at(&parent.dir, &name, CREATE, 0o644)?, false),
            opened => (opened?, true),
        };
        Ok(Temp { parent, name, file, direct, buffer: AlignedBuf::new(), written: 0 })
    }

    fn append(&mut self, mut chunk: &[u8]) -> io::Result<()> {
        while !chunk.is_empty() {
            chunk = &chunk[self.buffer.fill_from(chunk)..];
            if self.buffer.is_full() {
                self.write_out(self.buffer.len())?;
                self.buffer.clear();
            }
        }
        Ok(())
    }

    /// pwrites the buffer's first `len` bytes at the end of what is written.
    fn write_out(&mut self, len: usize) -> io::Result<()> {
        self.file.write_all_at(&self.buffer.filled()[..len], self.written)?;
        self.written += len as u64;
        Ok(())
    }

    /// The aligned blocks with O_DIRECT, the tail without, fsync, then the rename that publishes it.
    fn persist(&mut self) -> io::Result<()> {
        let aligned = aligned_part(self.buffer.len());
        self.write_out(aligned)?;
        let tail = self.buffer.filled()[aligned..].to_vec();
        if !tail.is_empty() {
            if self.direct {
                sys::clear_direct(&self.file)?;
            }
            self.file.write_all_at(&tail, self.written)?;
        }
        self.file.sync_all()?;
        sys::rename_at(&self.parent.dir, &self.name, &self.parent.name)?;
        self.parent.sync()
    }

    fn discard(&self) -> io::Result<()> {
        sys::unlink_at(&self.parent.dir, &self.name)
    }
}

fn on_blocking_pool<T: Send + 'static>(runtime: &Runtime, work: impl FnOnce() -> T + Send + 'static) -> T {
    runtime.block_on(async { tokio::task::spawn_blocking(work).await }).expect("a blocking task of the store panicked")
}

/// Removes the temporary files of writers whose process is gone (a crash, a kill), and syncs their directories.
fn remove_stale_temps(dir: &Path) -> io::Result<()> {
    let mut removed = false;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            remove_stale_temps(&entry.path())?;
        } else if kind.is_file() && writer_is_gone(&entry.file_name().to_string_lossy()) {
            fs::remove_file(entry.path())?;
            removed = true;
        }
    }
    if removed {
        File::open(dir)?.sync_all()?;
    }
    Ok(())
}

fn writer_is_gone(name: &str) -> bool {
    let pid = name.strip_prefix(TEMP_PREFIX).and_then(|rest| rest.strip_suffix(TEMP_SUFFIX)).and_then(|id| id.split('-').next());
    match pid.and_then(|pid| pid.parse::<libc::pid_t>().ok()) {
        Some(pid) => (unsafe { libc::kill(pid, 0) }) != 0 && io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH),
        None => false,
    }
}

fn main() -> io::Result<()> {
    serve::<FixedStore>()
}
