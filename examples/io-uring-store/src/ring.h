#ifndef RING_H
#define RING_H
#include <liburing.h>
#include <stddef.h>
#include <sys/types.h>

/* Bytes per I/O and number of registered buffers: up to BUFFERS writes are in flight at once. */
#define BUFFER_SIZE (1u << 20)
#define BUFFERS 4
/* Direct I/O is aligned to at least this: a multiple of every sector size up to 4 KiB, and the
 * alignment where statx does not say (tmpfs, kernels before 6.1). */
#define MIN_DIRECT_ALIGNMENT 4096u
/* The slot of an operation without a buffer (fsync). */
#define SYNC_SLOT BUFFERS

struct stream;

/*
 * One io_uring and its registered, 4096-aligned buffers. Each buffer is a slot: an operation on
 * it carries the slot as user_data, and its completion is reaped into the slot (result, and the
 * first error of the stream that owns it).
 */
struct ring {
    struct io_uring uring;
    unsigned char *buffers[BUFFERS];
    struct stream *owner[BUFFERS + 1];
    unsigned length[BUFFERS + 1];
    int result[BUFFERS + 1];
    int busy[BUFFERS + 1];
};

int ring_open(struct ring *ring);
void ring_close(struct ring *ring);
/* A free buffer's slot, waiting for a completion while every buffer is in flight; or a negative errno. */
int ring_acquire(struct ring *ring);
/* Submits a write (O_DIRECT, registered buffer) of length bytes of slot's buffer at offset, owned by stream. */
int ring_write(struct ring *ring, int slot, struct stream *owner, int fd, unsigned length, off_t offset);
/* Reads into slot's buffer and waits for it: the bytes read, or a negative errno. */
int ring_read(struct ring *ring, int slot, int fd, unsigned length, off_t offset);
/* fsync (IORING_OP_FSYNC) and waits for it: 0 or a negative errno. */
int ring_fsync(struct ring *ring, int fd);
/* Waits until none of owner's operations is in flight. */
int ring_drain(struct ring *ring, struct stream *owner);

#endif
