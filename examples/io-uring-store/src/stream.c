#define _GNU_SOURCE
#include "stream.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "failure.h"
#include "keys.h"
#include "ring.h"

static unsigned offset_alignment(int file) {
    struct statx sx;
    if (statx(file, "", AT_EMPTY_PATH, STATX_DIOALIGN, &sx) == 0 && (sx.stx_mask & STATX_DIOALIGN)
            && sx.stx_dio_offset_align > 0)
        return sx.stx_dio_offset_align > MIN_DIRECT_ALIGNMENT ? sx.stx_dio_offset_align : MIN_DIRECT_ALIGNMENT;
    return MIN_DIRECT_ALIGNMENT;
}

void stream_fail(struct stream *stream, int error, const char *step) {
    if (stream->error == 0) {
        stream->error = error;
        stream->error_step = step;
    }
}

static int stream_error(struct stream *stream) {
    return stream->error ? failure(stream->error, stream->error_step) : 0;
}

static void stream_free(struct stream *stream) {
    ring_drain(stream->ring, stream); /* no write may land in a buffer or descriptor after this */
    close(stream->file);
    close(stream->dir);
    free(stream->name);
    free(stream->fill);
    free(stream);
}

int stream_open(struct ring *ring, int root, const char *key, struct stream **out) {
    int dir;
    const char *name;
    int error = parent_of(root, key, true, &dir, &name);
    if (error < 0)
        return failure(error, "key");
    struct stream *stream = calloc(1, sizeof *stream);
    stream->ring = ring;
    stream->dir = dir;
    stream->name = strdup(name);
    stream->fill = malloc(BUFFER_SIZE);
    stream->file = openat(dir, ".", O_TMPFILE | O_WRONLY | O_DIRECT | O_CLOEXEC, 0644);
    if (stream->file < 0) {
        error = failure(-errno, "open(O_TMPFILE | O_DIRECT)");
        close(dir);
        free(stream->name);
        free(stream->fill);
        free(stream);
        return error;
    }
    stream->alignment = offset_alignment(stream->file);
    *out = stream;
    return 0;
}

/* Writes the filled part, padded with zeros to the alignment, at the stream's end. */
static int submit_fill(struct stream *stream, unsigned length) {
    int slot = ring_acquire(stream->ring);
    if (slot < 0)
        return failure(slot, "io_uring wait");
    memcpy(stream->ring->buffers[slot], stream->fill, stream->filled);
    memset(stream->ring->buffers[slot] + stream->filled, 0, length - stream->filled);
    int error = ring_write(stream->ring, slot, stream, stream->file, length, stream->written);
    if (error < 0)
        return failure(error, "io_uring submit");
    stream->written += length;
    stream->filled = 0;
    return 0;
}

int stream_write(struct stream *stream, const unsigned char *data, size_t length) {
    while (stream->error == 0 && length > 0) {
        size_t part = BUFFER_SIZE - stream->filled < length ? BUFFER_SIZE - stream->filled : length;
        memcpy(stream->fill + stream->filled, data, part);
        stream->filled += part;
        data += part;
        length -= part;
        if (stream->filled == BUFFER_SIZE) {
            int error = submit_fill(stream, BUFFER_SIZE);
            if (error < 0)
                stream_fail(stream, error, failed_step);
        }
    }
    return stream_error(stream);
}

static int commit(struct stream *stream) {
    off_t size = stream->written + stream->filled;
    if (stream->filled > 0) {
        /* the unaligned tail: one padded direct write, then the file is cut back to its size */
        unsigned padded = (stream->filled + stream->alignment - 1) / stream->alignment * stream->alignment;
        int error = submit_fill(stream, padded);
        if (error < 0)
            return error;
    }
    int error = ring_drain(stream->ring, stream);
    if (error < 0)
        return failure(error, "io_uring wait");
    if ((error = stream_error(stream)) < 0)
        return error;
    if (ftruncate(stream->file, size) < 0)
        return failure(-errno, "ftruncate");
    if ((error = ring_fsync(stream->ring, stream->file)) < 0)
        return failure(error, "io_uring fsync of the file");
    static unsigned serial;
    char proc[64], temporary[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", stream->file);
    snprintf(temporary, sizeof temporary, ".uring-tmp-%d-%u", getpid(), serial++);
    if (linkat(AT_FDCWD, proc, stream->dir, temporary, AT_SYMLINK_FOLLOW) < 0)
        return failure(-errno, "linkat");
    if (renameat(stream->dir, temporary, stream->dir, stream->name) < 0) {
        error = failure(-errno, "renameat");
        unlinkat(stream->dir, temporary, 0);
        return error;
    }
    if ((error = ring_fsync(stream->ring, stream->dir)) < 0)
        return failure(error, "io_uring fsync of the directory");
    return 0;
}

int stream_finish(struct stream *stream) {
    int error = stream->error ? stream_error(stream) : refuse_symlink(stream->dir, stream->name);
    if (error == -ELOOP)
        failure(error, "key is a symlink");
    if (error == 0)
        error = commit(stream);
    stream_free(stream);
    return error;
}

void stream_abort(struct stream *stream) {
    stream_free(stream);
}
