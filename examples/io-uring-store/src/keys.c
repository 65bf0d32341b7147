#define _GNU_SOURCE
#include "keys.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DIRECTORY_FLAGS (O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)

static bool bad_segment(const char *segment, size_t length) {
    return length == 0 || length >= NAME_MAX || (length == 1 && segment[0] == '.')
        || (length == 2 && segment[0] == '.' && segment[1] == '.');
}

static int enter(int dir, const char *segment, bool create) {
    int child = openat(dir, segment, DIRECTORY_FLAGS);
    if (child >= 0 || errno != ENOENT || !create)
        return child >= 0 ? child : -errno;
    /* EEXIST: another writer made it and may not have synced its entry yet: sync it here too */
    if (mkdirat(dir, segment, 0755) < 0 && errno != EEXIST)
        return -errno;
    child = openat(dir, segment, DIRECTORY_FLAGS);
    if (child < 0)
        return -errno;
    if (fsync(dir) < 0) {
        int error = -errno;
        close(child);
        return error;
    }
    return child;
}

int parent_of(int root, const char *key, bool create, int *dir, const char **name) {
    if (key[0] == '\0' || key[0] == '/')
        return -EINVAL;
    for (const char *s = key, *end; ; s = end + 1) {
        end = strchrnul(s, '/');
        if (bad_segment(s, end - s))
            return -EINVAL;
        if (*end == '\0')
            break;
    }
    int current = openat(root, ".", DIRECTORY_FLAGS);
    if (current < 0)
        return -errno;
    const char *segment = key;
    for (const char *slash; (slash = strchr(segment, '/')) != NULL; segment = slash + 1) {
        char part[NAME_MAX + 1];
        memcpy(part, segment, slash - segment);
        part[slash - segment] = '\0';
        int child = enter(current, part, create);
        close(current);
        if (child < 0)
            return child;
        current = child;
    }
    *dir = current;
    *name = segment;
    return 0;
}

int refuse_symlink(int dir, const char *name) {
    struct stat st;
    if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
        return -ELOOP;
    return 0;
}
