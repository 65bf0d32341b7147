#!/usr/bin/env python3
"""A store adapter (protocol version 1) around GNU dd with oflag=direct.

An outside store, written independently of the Java reference: every object is written by
`dd oflag=direct bs=1M iflag=fullblock conv=fsync` from a pipe into a hidden temporary file, which
is then renamed over the key and its directory fsync'd. GNU dd writes full blocks with O_DIRECT
and drops O_DIRECT (fcntl) for a short last block, the way the reference store's CLEAR_DIRECT
strategy does. Whole-object reads go through `dd iflag=direct`.

Usage: odirect check --adapter "python3 examples/dd-adapter/dd_adapter.py"
"""
import base64
import json
import os
import subprocess
import sys

OPS = ["hello", "put", "open", "write", "finish", "abort", "get", "get_range", "delete", "bye"]
ERRNO_TEXTS = {"No space left on device": "ENOSPC", "Invalid argument": "EINVAL",
               "No such file or directory": "ENOENT", "Is a directory": "EISDIR",
               "Not a directory": "ENOTDIR", "Input/output error": "EIO"}


class Failure(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


class DdStore:
    def __init__(self, root):
        self.root = root
        self.handles = {}  # handle -> (key, bytearray)

    def path_of(self, key):
        if not isinstance(key, str) or key == "" or key.startswith("/") or "\0" in key:
            raise Failure("EINVAL", "bad key %r" % (key,))
        segments = key.split("/")
        if any(s in ("", ".", "..") for s in segments):
            raise Failure("EINVAL", "bad key %r" % (key,))
        return os.path.join(self.root, *segments)

    def put(self, key, data):
        path = self.path_of(key)
        directory = os.path.dirname(path)
        self.make_parents(directory)
        temp = os.path.join(directory, ".dd-tmp-%d-%d" % (os.getpid(), id(data)))
        done = subprocess.run(["dd", "of=" + temp, "bs=1M", "iflag=fullblock", "oflag=direct", "conv=fsync",
                               "status=none"], input=bytes(data), capture_output=True)
        if done.returncode != 0:
            if os.path.exists(temp):
                os.unlink(temp)
            raise dd_failure(done)
        os.rename(temp, path)
        fsync_directory(directory)

    def make_parents(self, directory):
        missing = []
        while not os.path.isdir(directory):
            missing.append(directory)
            directory = os.path.dirname(directory)
        for created in reversed(missing):
            os.mkdir(created)
            fsync_directory(os.path.dirname(created))

    def get(self, key, offset, length):
        path = self.path_of(key)
        if not os.path.isfile(path):
            raise Failure("ENOENT", "no object %s" % key)
        if offset is None and length is None:
            done = subprocess.run(["dd", "if=" + path, "bs=1M", "iflag=direct", "status=none"], capture_output=True)
            if done.returncode != 0:
                raise dd_failure(done)
            return done.stdout
        with open(path, "rb") as f:
            f.seek(offset or 0)
            return f.read(length) if length is not None else f.read()

    def delete(self, key):
        path = self.path_of(key)
        if not os.path.isfile(path):
            raise Failure("ENOENT", "no object %s" % key)
        os.unlink(path)
        fsync_directory(os.path.dirname(path))

    def writer(self, handle):
        if handle not in self.handles:
            raise Failure("EBADHANDLE", "no open handle %r" % (handle,))
        return self.handles[handle]


def fsync_directory(directory):
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def dd_failure(done):
    text = done.stderr.decode(errors="replace").strip()
    code = next((c for t, c in ERRNO_TEXTS.items() if t in text), "EIO")
    return Failure(code, "dd: " + text)


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


def answer(store, request):
    op = request.get("op")
    if op == "hello":
        if request.get("protocol") != 1:
            raise Failure("EPROTO", "only protocol 1")
        root = field(request, "root")
        if not os.path.isabs(root) or not os.path.isdir(root):
            raise Failure("ENOENT", "root must be an existing absolute directory")
        return DdStore(root), {"protocol": 1, "name": "dd-oflag-direct", "version": dd_version(), "ops": OPS}
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
        store.path_of(key)
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


def main():
    store = None
    for line in sys.stdin:
        if not line.strip():
            continue
        request = None
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise Failure("EPROTO", "a request is a JSON object")
            store, fields = answer(store, request)
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
