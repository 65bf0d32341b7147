//! Memory aligned for O_DIRECT: a Vec with room to start its window on an aligned address.

/// The alignment of O_DIRECT offsets, lengths and memory; 4096 meets every logical sector size up to 4 KiB.
pub const ALIGNMENT: usize = 4096;
/// Bytes per aligned write or read.
pub const BUFFER_SIZE: usize = 1 << 20;

pub struct AlignedBuf {
    storage: Vec<u8>,
    start: usize,
    len: usize,
}

impl AlignedBuf {
    pub fn new() -> AlignedBuf {
        let storage = vec![0u8; BUFFER_SIZE + ALIGNMENT];
        let start = (ALIGNMENT - storage.as_ptr() as usize % ALIGNMENT) % ALIGNMENT;
        AlignedBuf { storage, start, len: 0 }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn is_full(&self) -> bool {
        self.len == BUFFER_SIZE
    }

    /// Copies as much of `bytes` as fits; answers how much did.
    pub fn fill_from(&mut self, bytes: &[u8]) -> usize {
        let taken = bytes.len().min(BUFFER_SIZE - self.len);
        let at = self.start + self.len;
        self.storage[at..at + taken].copy_from_slice(&bytes[..taken]);
        self.len += taken;
        taken
    }

    /// The filled bytes; their start is aligned.
    pub fn filled(&self) -> &[u8] {
        &self.storage[self.start..self.start + self.len]
    }

    /// The whole window, aligned, to read into.
    pub fn window(&mut self) -> &mut [u8] {
        &mut self.storage[self.start..self.start + BUFFER_SIZE]
    }

    pub fn clear(&mut self) {
        self.len = 0;
    }
}

impl Default for AlignedBuf {
    fn default() -> AlignedBuf {
        AlignedBuf::new()
    }
}

/// The largest multiple of the alignment not above `len`.
pub fn aligned_part(len: usize) -> usize {
    len / ALIGNMENT * ALIGNMENT
}
