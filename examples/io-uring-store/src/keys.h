#ifndef KEYS_H
#define KEYS_H
#include <stdbool.h>

/*
 * Keys are relative '/'-separated paths. parent_of walks the key's directories from the root's
 * descriptor one at a time with O_NOFOLLOW, so a symlink inside the root never leads outside it.
 * On success *dir is the parent directory's descriptor (the caller closes it) and *name points
 * into key at the object's name. Returns 0 or a negative errno (EINVAL for a key of a bad form).
 */
int parent_of(int root, const char *key, bool create, int *dir, const char **name);

/* -ELOOP when name in dir is a symlink: the store never acts through one. */
int refuse_symlink(int dir, const char *name);

#endif
