#ifndef STREAM_H
#define STREAM_H
#include <stddef.h>
#include <sys/types.h>

struct ring;

/*
 * An object being written: an unnamed file (O_TMPFILE | O_DIRECT) in the key's directory, named
 * and renamed over the key at finish. Chunks gather in fill; each full BUFFER_SIZE is copied to a
 * registered buffer and written with IORING_OP_WRITE_FIXED while the next one fills.
 */
struct stream {
    struct ring *ring;
    int file, dir;
    char *name;
    unsigned char *fill;
    size_t filled;
    off_t written;      /* bytes submitted: always a multiple of BUFFER_SIZE until finish */
    unsigned alignment; /* the file's direct-I/O offset alignment */
    int in_flight;
    int error;          /* the first error (a negative errno): every later call answers it */
    const char *error_step;
};

int stream_open(struct ring *ring, int root, const char *key, struct stream **out);
int stream_write(struct stream *stream, const unsigned char *data, size_t length);
/* Completes the object durably and frees the stream: 0 or a negative errno. */
int stream_finish(struct stream *stream);
/* Gives the object up (the unnamed file goes with its descriptor) and frees the stream. */
void stream_abort(struct stream *stream);
/* Records the stream's first error. */
void stream_fail(struct stream *stream, int error, const char *step);

#endif
