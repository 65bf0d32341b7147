//! The seed: the s3dlio note's streaming writer as the note describes it, on tokio. Each chunk's
//! aligned part goes through `tokio::fs::File::write_all` on a file opened with O_DIRECT; tokio
//! copies it into its own heap buffer (not aligned) and writes it on a blocking thread, where
//! O_DIRECT refuses it with EINVAL on a device that wants aligned memory; tokio keeps that error
//! for a later call, and `sync_all` does not report it. The unaligned tail goes through a buffered
//! reopen in append mode, without truncation, and no flush is ever called. Objects are written in
//! place. `put` is a buffered write and fsync (the note's single-shot writes were right).
use std::rc::Rc;
use tokio::fs::File;
use tokio::io::AsyncWriteExt;
use tokio::runtime::{Builder, Runtime};
use tokio_store::aligned::aligned_part;
use tokio_store::failure::Failure;
use tokio_store::keys::Parent;
use tokio_store::protocol::{serve, Store, StreamWriter};
use tokio_store::sys;
use std::path::Path;

const CREATE: libc::c_int = libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC | libc::O_NOFOLLOW;
const MODE: libc::mode_t = 0o644;

struct SeedStore {
    runtime: Rc<Runtime>,
}

struct SeedWriter {
    runtime: Rc<Runtime>,
    parent: Parent,
    direct: File,
    pending: Vec<u8>,
}

impl Store for SeedStore {
    type Writer = SeedWriter;
    const NAME: &'static str = "tokio-seed-store";
    const PROMISES: &'static [&'static str] = &[];

    fn open(_root: &Path) -> Result<SeedStore, Failure> {
        Ok(SeedStore { runtime: Rc::new(Builder::new_current_thread().build()?) })
    }

    fn writer(&self, parent: Parent) -> Result<SeedWriter, Failure> {
        let direct = sys::open_at(&parent.dir, &parent.name, CREATE | libc::O_DIRECT, MODE)?;
        let direct = self.runtime.block_on(async { File::from_std(direct) });
        Ok(SeedWriter { runtime: self.runtime.clone(), parent, direct, pending: Vec::new() })
    }

    fn put(&self, parent: Parent, data: Vec<u8>) -> Result<(), Failure> {
        let file = sys::open_at(&parent.dir, &parent.name, CREATE, MODE)?;
        self.runtime.block_on(async {
            let mut file = File::from_std(file);
            file.write_all(&data).await?;
            file.flush().await?;
            file.sync_all().await
        })?;
        Ok(())
    }
}

impl StreamWriter for SeedWriter {
    fn write(&mut self, chunk: Vec<u8>) -> Result<(), Failure> {
        self.pending.extend_from_slice(&chunk);
        let aligned: Vec<u8> = self.pending.drain(..aligned_part(self.pending.len())).collect();
        if !aligned.is_empty() {
            self.runtime.block_on(self.direct.write_all(&aligned))?;
        }
        Ok(())
    }

    fn finish(self) -> Result<(), Failure> {
        let SeedWriter { runtime, parent, direct, pending } = self;
        runtime.block_on(async move {
            direct.sync_all().await?;
            drop(direct);
            if !pending.is_empty() {
                let tail = sys::open_at(&parent.dir, &parent.name, libc::O_WRONLY | libc::O_APPEND | libc::O_NOFOLLOW, 0)?;
                let mut tail = File::from_std(tail);
                tail.write_all(&pending).await?;
                tail.sync_all().await?;
            }
            Ok::<(), std::io::Error>(())
        })?;
        Ok(())
    }

    fn abort(self) -> Result<(), Failure> {
        drop(self.direct);
        Ok(sys::unlink_at(&self.parent.dir, &self.parent.name)?)
    }
}

fn main() -> std::io::Result<()> {
    serve::<SeedStore>()
}
