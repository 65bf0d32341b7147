#ifndef OBJECTS_H
#define OBJECTS_H
#include <stddef.h>
#include <sys/types.h>

struct ring;

/*
 * Reads length bytes of key from offset (length < 0: to the end; fewer at the end, none past it)
 * with O_DIRECT into registered buffers (IORING_OP_READ_FIXED): aligned reads around the window.
 * *data is malloc'd. Returns 0 or a negative errno.
 */
int object_read(struct ring *ring, int root, const char *key, off_t offset, off_t length,
                unsigned char **data, size_t *size);
/* Removes key and syncs its directory. */
int object_delete(int root, const char *key);

#endif
