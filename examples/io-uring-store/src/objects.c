#define _GNU_SOURCE
#include "objects.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "failure.h"
#include "keys.h"
#include "ring.h"

static int read_window(struct ring *ring, int file, off_t start, off_t end, unsigned char *out) {
    for (off_t at = start / MIN_DIRECT_ALIGNMENT * MIN_DIRECT_ALIGNMENT; at < end; ) {
        off_t wanted = (end - at + MIN_DIRECT_ALIGNMENT - 1) / MIN_DIRECT_ALIGNMENT * MIN_DIRECT_ALIGNMENT;
        unsigned length = wanted < BUFFER_SIZE ? (unsigned)wanted : BUFFER_SIZE;
        int slot = ring_acquire(ring);
        if (slot < 0)
            return failure(slot, "io_uring wait");
        int got = ring_read(ring, slot, file, length, at);
        if (got < 0)
            return failure(got, "io_uring read");
        if (got == 0)
            return failure(-EIO, "the object ended before its size");
        off_t from = at > start ? at : start, to = at + got < end ? at + got : end;
        if (to > from)
            memcpy(out + (from - start), ring->buffers[slot] + (from - at), to - from);
        at += got;
    }
    return 0;
}

int object_read(struct ring *ring, int root, const char *key, off_t offset, off_t length,
                unsigned char **data, size_t *size) {
    int dir;
    const char *name;
    int error = parent_of(root, key, false, &dir, &name);
    if (error < 0)
        return failure(error, "key");
    int file = openat(dir, name, O_RDONLY | O_DIRECT | O_NOFOLLOW | O_CLOEXEC);
    error = file < 0 ? failure(-errno, "open(O_DIRECT)") : 0;
    close(dir);
    struct stat st;
    if (error == 0 && fstat(file, &st) < 0)
        error = failure(-errno, "fstat");
    if (error == 0) {
        off_t start = offset < st.st_size ? offset : st.st_size;
        off_t end = length < 0 || length > st.st_size - start ? st.st_size : start + length;
        *size = end - start;
        *data = malloc(*size + 1);
        error = read_window(ring, file, start, end, *data);
        if (error < 0)
            free(*data);
    }
    if (file >= 0)
        close(file);
    return error;
}

int object_delete(int root, const char *key) {
    int dir;
    const char *name;
    int error = parent_of(root, key, false, &dir, &name);
    if (error < 0)
        return failure(error, "key");
    if ((error = refuse_symlink(dir, name)) < 0)
        failure(error, "key is a symlink");
    else if (unlinkat(dir, name, 0) < 0)
        error = failure(-errno, "unlinkat");
    else if (fsync(dir) < 0)
        error = failure(-errno, "fsync of the directory");
    close(dir);
    return error;
}
