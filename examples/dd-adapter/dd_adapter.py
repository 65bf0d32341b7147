#!/usr/bin/env python3
"""A store adapter (protocol version 1) around GNU dd with oflag=direct.

An outside store, written independently of the Java reference: every object is written by
`dd oflag=direct bs=1M iflag=fullblock conv=fsync` from a pipe into a hidden temporary file, which
is then renamed over the key and its directory fsync'd. GNU dd writes full blocks with O_DIRECT
and drops O_DIRECT (fcntl) for a short last block, the way the reference store's CLEAR_DIRECT
strategy does. Whole-object reads go through `dd iflag=direct`.

Keys are walked one directory at a time from descriptors, and a symlink anywhere in a key is
refused with ELOOP, so nothing outside the root is created, read or removed. dd is handed the
open file as /proc/self/fd/N, so it reopens that very file and walks no path of its own.

Usage: odirect check --adapter "python3 examples/dd-adapter/dd_adapter.py"
"""
import base64
import contextlib
import json
import os
import stat
import subprocess
import sys

DIRECTORY_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
OPS = ["hello", "put", "open", "write", "finish", "abort", "get", "get_range", "delete", "bye"]
ERRNO_TEXTS = {"No space left on device": "ENOSPC", "Invalid argument": "EINVAL",
               "No such file or directory": "ENOENT", "Is a directory": "EISDIR",
               "Not a directory": "ENOTDIR", "Input/output error": "EIO"}


class Failure(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


class DdStore:
    """The store: keys walked from descriptors, objects written to a hidden file renamed over the key.
    Another tool's store subclasses it and overrides write_file, read_file, NAME and version."""
    NAME = "dd-oflag-direct"
    TEMP_PREFIX = ".dd-tmp-"
    PROMISES = []  # see docs/adapter-protocol.md; a subclass that declares one is held to it

    def __init__(self, root):
        self.root = root
        self.handles = {}  # handle -> (key, bytearray)

    @contextlib.contextmanager
    def parent(self, key, create=False):
        """Yields the key's parent directory as an open descriptor, and the object's name in it."""
        segments = segments_of(key)
        directory = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY)
        try:
            for segment in segments[:-1]:
                child = enter(directory, segment, create)
                os.close(directory)
                directory = child
            yield directory, segments[-1]
        finally:
            os.close(directory)

    def put(self, key, data):
        with self.parent(key, create=True) as (directory, name):
            refuse_symlink(directory, name)
            temp = "%s%d-%d" % (self.TEMP_PREFIX, os.getpid(), id(data))
            try:
                self.write_file(directory, temp, data)
                os.rename(temp, name, src_dir_fd=directory, dst_dir_fd=directory)
            except (Failure, OSError):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temp, dir_fd=directory)
                raise
            os.fsync(directory)

    def get(self, key, offset, length):
        with self.parent(key) as (directory, name):
            with os.fdopen(os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=directory), "rb") as f:
                return self.read_file(f, offset, length)

    def write_file(self, directory, name, data):
        """Writes data durably (synced) to the file name in the open directory."""
        write_with_dd(directory, name, data)

    def read_file(self, f, offset, length):
        """The whole file, or length bytes from offset (fewer at the end)."""
        if offset is None and length is None:
            return run_dd(f.fileno(), "if", "bs=1M", "iflag=direct")
        f.seek(offset or 0)
        return f.read(length) if length is not None else f.read()

    @staticmethod
    def version():
        return dd_version()

    def delete(self, key):
        with self.parent(key) as (directory, name):
            refuse_symlink(directory, name)
            os.unlink(name, dir_fd=directory)
            os.fsync(directory)

    def writer(self, handle):
        if handle not in self.handles:
            raise Failure("EBADHANDLE", "no open handle %r" % (handle,))
        return self.handles[handle]


def segments_of(key):
    if not isinstance(key, str) or key == "" or key.startswith("/") or "\0" in key:
        raise Failure("EINVAL", "bad key %r" % (key,))
    segments = key.split("/")
    if any(s in ("", ".", "..") for s in segments):
        raise Failure("EINVAL", "bad key %r" % (key,))
    return segments


def enter(directory, name, create):
    """Opens a subdirectory of an open directory, never through a symlink; creates it if asked."""
    refuse_symlink(directory, name)
    try:
        return os.open(name, DIRECTORY_FLAGS, dir_fd=directory)
    except FileNotFoundError:
        if not create:
            raise
    try:
        os.mkdir(name, dir_fd=directory)
    except FileExistsError:
        pass  # another writer made it and may not have fsync'd its entry yet: fsync it here too
    child = os.open(name, DIRECTORY_FLAGS, dir_fd=directory)
    try:
        os.fsync(directory)
    except OSError:
        os.close(child)
        raise
    return child


def refuse_symlink(directory, name):
    """The store never acts through a symlink: answer ELOOP, as open(O_NOFOLLOW) does."""
    try:
        mode = os.stat(name, dir_fd=directory, follow_symlinks=False).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise Failure("ELOOP", "%s is a symlink: keys never go through one" % name)


def write_with_dd(directory, name, data):
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644, dir_fd=directory)
    try:
        run_dd(fd, "of", "bs=1M", "iflag=fullblock", "oflag=direct", "conv=fsync", data=bytes(data))
    finally:
        os.close(fd)


def run_dd(fd, direction, *options, data=None):
    """Runs dd on the open descriptor fd as its input ("if") or output ("of"); returns its stdout."""
    done = subprocess.run(["dd", "%s=/proc/self/fd/%d" % (direction, fd), *options, "status=none"],
                          input=data, capture_output=True, pass_fds=(fd,))
    if done.returncode != 0:
        raise tool_failure("dd", done)
    return done.stdout


def tool_failure(tool, done):
    """The failure of a finished tool (subprocess.run's result), its code read from its stderr."""
    text = done.stderr.decode(errors="replace").strip()
    code = next((c for t, c in ERRNO_TEXTS.items() if t in text), "EIO")
    return Failure(code, "%s: %s" % (tool, text))


def decode(request):
    data = request.get("data")
    if not isinstance(data, str):
        raise Failure("EPROTO", "field 'data' must be a string")
    try:
        return base64.b64decode(data, validate=True)
    except ValueError as bad:
        raise Failure("EPROTO", "bad base64: %s" % bad)


def field(request, name):
    value = request.get(name)
    if not isinstance(value, str):
        raise Failure("EPROTO", "field '%s' must be a string" % name)
    return value


def answer(store, request, store_class):
    op = request.get("op")
    if op == "hello":
        if request.get("protocol") != 1:
            raise Failure("EPROTO", "only protocol 1")
        root = field(request, "root")
        if not os.path.isabs(root) or not os.path.isdir(root):
            raise Failure("ENOENT", "root must be an existing absolute directory")
        hello = {"protocol": 1, "name": store_class.NAME, "version": store_class.version(), "ops": OPS}
        if store_class.PROMISES:
            hello["promises"] = store_class.PROMISES
        return store_class(root), hello
    if op == "bye":
        return store, {}
    if op not in OPS:
        raise Failure("EUNSUPPORTED", "op %r is not offered" % (op,))
    if store is None:
        raise Failure("EPROTO", "send hello first")
    if op == "put":
        store.put(field(request, "key"), decode(request))
    elif op == "open":
        handle, key = field(request, "handle"), field(request, "key")
        if handle in store.handles:
            raise Failure("EINVAL", "handle %r is already open" % handle)
        segments_of(key)
        store.handles[handle] = (key, bytearray())
    elif op == "write":
        store.writer(field(request, "handle"))[1].extend(decode(request))
    elif op == "finish":
        key, data = store.writer(field(request, "handle"))
        del store.handles[request["handle"]]
        store.put(key, data)
    elif op == "abort":
        store.writer(field(request, "handle"))
        del store.handles[request["handle"]]
    elif op == "get":
        offset, length = request.get("offset"), request.get("length")
        return store, {"data": base64.b64encode(store.get(field(request, "key"), offset, length)).decode()}
    elif op == "delete":
        store.delete(field(request, "key"))
    return store, {}


def dd_version():
    first = subprocess.run(["dd", "--version"], capture_output=True).stdout.decode().splitlines()
    return first[0] if first else "unknown"


def main(store_class=DdStore):
    store = None
    for line in sys.stdin:
        if not line.strip():
            continue
        request = None
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise Failure("EPROTO", "a request is a JSON object")
            store, fields = answer(store, request, store_class)
            response = dict(ok=True, **fields)
        except Failure as failure:
            response = {"ok": False, "error": failure.code, "message": str(failure)}
        except ValueError as bad:
            response = {"ok": False, "error": "EPROTO", "message": "not JSON: %s" % bad}
        except OSError as error:
            response = {"ok": False, "error": errno_name(error), "message": str(error)}
        sys.stdout.write(json.dumps(response) + "\n")
        sys.stdout.flush()
        if isinstance(request, dict) and request.get("op") == "bye":
            return


def errno_name(error):
    import errno
    return errno.errorcode.get(error.errno, "EIO")


if __name__ == "__main__":
    main()
