/*
 * A store adapter (protocol version 1, docs/adapter-protocol.md) for an O_DIRECT object store on
 * io_uring: registered buffers, IORING_OP_WRITE_FIXED with up to BUFFERS writes in flight, the
 * unaligned tail padded and cut back, IORING_OP_FSYNC before an object is named, and a rename
 * into place (so objects become visible whole). JSON through jansson.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base64.h"
#include "failure.h"
#include "objects.h"
#include "ring.h"
#include "stream.h"

const char *failed_step;

struct handle {
    char *name;
    struct stream *stream;
    struct handle *next;
};

static struct session {
    struct ring ring;
    int root; /* -1 before hello */
    struct handle *handles;
} session = {.root = -1};

/* A refused request: its protocol code and message. */
struct refusal {
    const char *code;
    char message[512];
};

static json_t *refuse(struct refusal *why, const char *code, const char *message) {
    why->code = code;
    snprintf(why->message, sizeof why->message, "%s", message);
    return NULL;
}

static json_t *refuse_errno(struct refusal *why, int error) {
    const char *name = strerrorname_np(-error);
    why->code = name ? name : "EIO";
    snprintf(why->message, sizeof why->message, "%s: %s", failed_step ? failed_step : "store", strerror(-error));
    return NULL;
}

static const char *text_field(json_t *request, const char *field, struct refusal *why) {
    const char *value = json_string_value(json_object_get(request, field));
    if (!value)
        refuse(why, "EPROTO", field);
    return value;
}

static struct handle **find_handle(const char *name) {
    struct handle **at = &session.handles;
    while (*at && strcmp((*at)->name, name) != 0)
        at = &(*at)->next;
    return at;
}

/* Removes the handle from the session and returns its stream. */
static struct stream *take_handle(struct handle **at) {
    struct handle *gone = *at;
    struct stream *stream = gone->stream;
    *at = gone->next;
    free(gone->name);
    free(gone);
    return stream;
}

static void close_session(void) {
    while (session.handles)
        stream_abort(take_handle(&session.handles));
    if (session.root >= 0) {
        close(session.root);
        ring_close(&session.ring);
        session.root = -1;
    }
}

static json_t *hello(json_t *request, struct refusal *why) {
    const char *root = text_field(request, "root", why);
    if (!root)
        return NULL;
    if (json_integer_value(json_object_get(request, "protocol")) != 1)
        return refuse(why, "EPROTO", "only protocol 1");
    close_session();
    int dir = root[0] == '/' ? open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    if (dir < 0)
        return refuse(why, "ENOENT", "root must be an existing absolute directory");
    int error = ring_open(&session.ring);
    if (error < 0) {
        close(dir);
        return refuse_errno(why, failure(error, "io_uring setup"));
    }
    session.root = dir;
    return json_pack("{s:i, s:s, s:s, s:[sssssssss s], s:[s]}", "protocol", 1, "name", "io-uring-store",
                     "version", "0.1", "ops", "hello", "put", "open", "write",
                     "finish", "abort", "get", "get_range", "delete", "bye", "promises", "atomic_visibility");
}

/* The request's data, decoded; NULL and a refusal when it is missing or not base64. */
static unsigned char *data_field(json_t *request, size_t *length, struct refusal *why) {
    const char *text = text_field(request, "data", why);
    unsigned char *data = text ? base64_decode(text, length) : NULL;
    if (text && !data)
        refuse(why, "EPROTO", "data is not base64 with padding");
    return data;
}

static json_t *put(json_t *request, struct refusal *why) {
    const char *key = text_field(request, "key", why);
    size_t length;
    unsigned char *data = key ? data_field(request, &length, why) : NULL;
    if (!data)
        return NULL;
    struct stream *stream;
    int error = stream_open(&session.ring, session.root, key, &stream);
    if (error == 0) {
        error = stream_write(stream, data, length);
        if (error == 0)
            error = stream_finish(stream);
        else
            stream_abort(stream);
    }
    free(data);
    return error < 0 ? refuse_errno(why, error) : json_object();
}

static json_t *open_stream(json_t *request, struct refusal *why) {
    const char *key = text_field(request, "key", why), *name = key ? text_field(request, "handle", why) : NULL;
    if (!name)
        return NULL;
    if (*find_handle(name))
        return refuse(why, "EINVAL", "the handle is already open");
    struct stream *stream;
    int error = stream_open(&session.ring, session.root, key, &stream);
    if (error < 0)
        return refuse_errno(why, error);
    struct handle *handle = malloc(sizeof *handle);
    *handle = (struct handle){strdup(name), stream, session.handles};
    session.handles = handle;
    return json_object();
}

/* The live handle the request names, or NULL and EBADHANDLE. */
static struct handle **named_handle(json_t *request, struct refusal *why) {
    const char *name = text_field(request, "handle", why);
    struct handle **at = name ? find_handle(name) : NULL;
    if (at && !*at)
        refuse(why, "EBADHANDLE", "no open handle of that name (never opened, finished or aborted)");
    return at && *at ? at : NULL;
}

static json_t *write_chunk(json_t *request, struct refusal *why) {
    struct handle **at = named_handle(request, why);
    size_t length;
    unsigned char *data = at ? data_field(request, &length, why) : NULL;
    if (!data)
        return NULL;
    int error = stream_write((*at)->stream, data, length);
    free(data);
    return error < 0 ? refuse_errno(why, error) : json_object();
}

static json_t *end_stream(json_t *request, struct refusal *why, int finish) {
    struct handle **at = named_handle(request, why);
    if (!at)
        return NULL;
    struct stream *stream = take_handle(at);
    if (!finish) {
        stream_abort(stream);
        return json_object();
    }
    int error = stream_finish(stream);
    return error < 0 ? refuse_errno(why, error) : json_object();
}

static json_t *get(json_t *request, struct refusal *why) {
    const char *key = text_field(request, "key", why);
    if (!key)
        return NULL;
    json_t *offset = json_object_get(request, "offset"), *length = json_object_get(request, "length");
    if ((offset && !json_is_integer(offset)) || (length && !json_is_integer(length)))
        return refuse(why, "EPROTO", "offset and length are integers");
    if (json_integer_value(offset) < 0 || (length && json_integer_value(length) < 0))
        return refuse(why, "EINVAL", "offset and length are not negative");
    unsigned char *data;
    size_t size;
    int error = object_read(&session.ring, session.root, key, json_integer_value(offset),
                            length ? json_integer_value(length) : -1, &data, &size);
    if (error < 0)
        return refuse_errno(why, error);
    char *text = base64_encode(data, size);
    free(data);
    json_t *answer = json_pack("{s:s}", "data", text);
    free(text);
    return answer;
}

static json_t *delete(json_t *request, struct refusal *why) {
    const char *key = text_field(request, "key", why);
    int error = key ? object_delete(session.root, key) : 0;
    return !key ? NULL : error < 0 ? refuse_errno(why, error) : json_object();
}

static json_t *answer(json_t *request, const char *op, struct refusal *why) {
    if (strcmp(op, "hello") == 0)
        return hello(request, why);
    if (strcmp(op, "bye") == 0)
        return json_object();
    static const char *const served[] = {"put", "open", "write", "finish", "abort", "get", "delete"};
    int known = 0;
    for (size_t i = 0; i < sizeof served / sizeof *served; i++)
        known |= strcmp(op, served[i]) == 0;
    if (!known)
        return refuse(why, "EUNSUPPORTED", "this op is not offered");
    if (session.root < 0)
        return refuse(why, "EPROTO", "send hello first");
    switch (op[0]) {
    case 'p': return put(request, why);
    case 'o': return open_stream(request, why);
    case 'w': return write_chunk(request, why);
    case 'f': return end_stream(request, why, 1);
    case 'a': return end_stream(request, why, 0);
    case 'g': return get(request, why);
    default:  return delete(request, why);
    }
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--help") != 0 && strcmp(argv[1], "-h") != 0) {
        fprintf(stderr, "io-uring-store: takes no options (it serves the adapter protocol on stdin/stdout); see --help\n");
        return 2;
    }
    if (argc > 1) {
        printf("usage: io-uring-store   (serves the odirect adapter protocol, docs/adapter-protocol.md, on stdin/stdout)\n"
               "  e.g. odirect matrix --mode host --adapter \"$PWD/examples/io-uring-store/build/io-uring-store\"\n");
        return 0;
    }
    char *line = NULL;
    size_t capacity = 0;
    int bye = 0;
    while (!bye && getline(&line, &capacity, stdin) > 0) {
        if (strspn(line, " \t\r\n") == strlen(line))
            continue;
        json_error_t parse;
        struct refusal why = {0};
        json_t *request = json_loads(line, 0, &parse), *fields = NULL;
        const char *op = json_string_value(json_object_get(request, "op"));
        if (!request)
            refuse(&why, "EPROTO", parse.text);
        else if (!op)
            refuse(&why, "EPROTO", "a request is a JSON object with a string op");
        else
            fields = answer(request, op, &why);
        bye = op && strcmp(op, "bye") == 0;
        json_t *response = json_pack("{s:b}", "ok", fields != NULL);
        if (fields)
            json_object_update(response, fields);
        else
            json_object_update_new(response, json_pack("{s:s, s:s}", "error", why.code, "message", why.message));
        json_decref(fields);
        char *text = json_dumps(response, JSON_COMPACT | JSON_PRESERVE_ORDER);
        printf("%s\n", text);
        fflush(stdout);
        free(text);
        json_decref(response);
        json_decref(request);
    }
    free(line);
    close_session();
    return 0;
}
