#ifndef FAILURE_H
#define FAILURE_H

/* The step that failed last (a system call or io_uring operation), for the error's message. */
extern const char *failed_step;

/* Records step as the one that failed and returns error (a negative errno). */
static inline int failure(int error, const char *step) {
    failed_step = step;
    return error;
}

#endif
