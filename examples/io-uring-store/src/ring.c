#include "ring.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

#include "stream.h"

int ring_open(struct ring *ring) {
    memset(ring, 0, sizeof *ring);
    int error = io_uring_queue_init(2 * BUFFERS, &ring->uring, 0);
    if (error < 0)
        return error;
    struct iovec vectors[BUFFERS];
    for (int i = 0; i < BUFFERS; i++) {
        if (posix_memalign((void **)&ring->buffers[i], MIN_DIRECT_ALIGNMENT, BUFFER_SIZE) != 0)
            return -ENOMEM;
        vectors[i] = (struct iovec){ring->buffers[i], BUFFER_SIZE};
    }
    return io_uring_register_buffers(&ring->uring, vectors, BUFFERS);
}

void ring_close(struct ring *ring) {
    io_uring_queue_exit(&ring->uring);
    for (int i = 0; i < BUFFERS; i++)
        free(ring->buffers[i]);
}

/* Waits for one completion and files it in its slot. */
static int reap(struct ring *ring) {
    struct io_uring_cqe *cqe;
    int error = io_uring_wait_cqe(&ring->uring, &cqe);
    if (error < 0)
        return error;
    int slot = (int)cqe->user_data, result = cqe->res;
    io_uring_cqe_seen(&ring->uring, cqe);
    ring->result[slot] = result;
    ring->busy[slot] = 0;
    struct stream *owner = ring->owner[slot];
    if (owner) {
        owner->in_flight--;
        if (result < 0)
            stream_fail(owner, result, "io_uring write");
        else if ((unsigned)result != ring->length[slot])
            stream_fail(owner, -EIO, "io_uring write was short");
        ring->owner[slot] = NULL;
    }
    return 0;
}

static int submit(struct ring *ring, struct io_uring_sqe *sqe, int slot, struct stream *owner, unsigned length) {
    io_uring_sqe_set_data64(sqe, (unsigned long long)slot);
    ring->busy[slot] = 1;
    ring->owner[slot] = owner;
    ring->length[slot] = length;
    if (owner)
        owner->in_flight++;
    int submitted = io_uring_submit(&ring->uring);
    return submitted == 1 ? 0 : submitted < 0 ? submitted : -EIO;
}

static int wait_slot(struct ring *ring, int slot) {
    while (ring->busy[slot]) {
        int error = reap(ring);
        if (error < 0)
            return error;
    }
    return ring->result[slot];
}

int ring_acquire(struct ring *ring) {
    for (;;) {
        for (int slot = 0; slot < BUFFERS; slot++)
            if (!ring->busy[slot])
                return slot;
        int error = reap(ring);
        if (error < 0)
            return error;
    }
}

int ring_write(struct ring *ring, int slot, struct stream *owner, int fd, unsigned length, off_t offset) {
    struct io_uring_sqe *sqe = io_uring_get_sqe(&ring->uring);
    io_uring_prep_write_fixed(sqe, fd, ring->buffers[slot], length, offset, slot);
    return submit(ring, sqe, slot, owner, length);
}

int ring_read(struct ring *ring, int slot, int fd, unsigned length, off_t offset) {
    struct io_uring_sqe *sqe = io_uring_get_sqe(&ring->uring);
    io_uring_prep_read_fixed(sqe, fd, ring->buffers[slot], length, offset, slot);
    int error = submit(ring, sqe, slot, NULL, length);
    return error < 0 ? error : wait_slot(ring, slot);
}

int ring_fsync(struct ring *ring, int fd) {
    struct io_uring_sqe *sqe = io_uring_get_sqe(&ring->uring);
    io_uring_prep_fsync(sqe, fd, 0);
    int error = submit(ring, sqe, SYNC_SLOT, NULL, 0);
    return error < 0 ? error : wait_slot(ring, SYNC_SLOT);
}

int ring_drain(struct ring *ring, struct stream *owner) {
    while (owner->in_flight > 0) {
        int error = reap(ring);
        if (error < 0)
            return error;
    }
    return 0;
}
