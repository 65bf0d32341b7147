#!/usr/bin/env python3
"""A store adapter (protocol version 1) with the xfstests tool xfs_io as its I/O.

Every object is written by one `xfs_io -d` (O_DIRECT) run on a hidden file beside the key:
`pwrite -i DATA -b 1m 0 PADDED` (the bytes, padded with zeros to the 4096-byte alignment that every
sector size up to 4 KiB accepts), `truncate SIZE` (back to the object's size) and `fsync`; the file
is then renamed over the key and its directory fsync'd. Reads are `xfs_io -d -r -c "pread -v ..."`
of the aligned window around what was asked, its hex dump parsed back to bytes.

The protocol, the key walk (descriptors, never through a symlink) and the rename are those of the
dd example (examples/dd-adapter/dd_adapter.py), imported: this file holds only what xfs_io does.

Usage: odirect matrix --mode host --adapter "python3 $PWD/examples/xfs-io-store/xfs_io_adapter.py"
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dd-adapter"))
import dd_adapter  # noqa: E402

# Every direct-I/O alignment up to a 4 KiB sector divides it.
ALIGNMENT = 4096


def aligned_up(n):
    return -(-n // ALIGNMENT) * ALIGNMENT


def run_xfs_io(fd, options, commands, pass_fds=()):
    """Runs xfs_io on the open descriptor fd; returns its stdout. xfs_io exits 1 when a command
    fails, and prints the error on stderr: either one is taken as the failure."""
    arguments = ["xfs_io", *options]
    for command in commands:
        arguments += ["-c", command]
    done = subprocess.run([*arguments, "/proc/self/fd/%d" % fd], capture_output=True, pass_fds=(fd, *pass_fds))
    if done.returncode != 0 or done.stderr.strip():
        raise dd_adapter.tool_failure("xfs_io", done)
    return done.stdout


def parse_dump(dump):
    """The bytes of `pread -v` lines "OFFSET:  hh hh ...  ascii" (the ascii column has no spaces)."""
    return bytes.fromhex(b" ".join(b" ".join(line.split(b":", 1)[1].split()[:-1])
                                   for line in dump.splitlines() if b":" in line).decode())


class XfsIoStore(dd_adapter.DdStore):
    NAME = "xfs_io-direct"
    TEMP_PREFIX = ".xfs-io-tmp-"
    # a stream is kept in memory until finish, and an object renamed into place: readers see it whole
    PROMISES = ["atomic_visibility"]

    def write_file(self, directory, name, data):
        padded = aligned_up(len(data))
        target = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644, dir_fd=directory)
        source = os.memfd_create("xfs-io-data")
        try:
            with os.fdopen(os.dup(source), "wb") as f:
                f.write(data)
                f.write(bytes(padded - len(data)))
            commands = ["pwrite -q -i /proc/self/fd/%d -b 1m 0 %d" % (source, padded)] if padded else []
            run_xfs_io(target, ["-d"], commands + ["truncate %d" % len(data), "fsync"], pass_fds=(source,))
        finally:
            os.close(source)
            os.close(target)

    def read_file(self, f, offset, length):
        size = os.fstat(f.fileno()).st_size
        start = min(offset or 0, size)
        end = size if length is None else min(size, start + length)
        if end <= start:
            return b""
        first = start // ALIGNMENT * ALIGNMENT
        dump = run_xfs_io(f.fileno(), ["-d", "-r"], ["pread -q -v -b 1m %d %d" % (first, aligned_up(end - first))])
        return parse_dump(dump)[start - first:end - first]

    @staticmethod
    def version():
        done = subprocess.run(["xfs_io", "-V"], capture_output=True)
        return done.stdout.decode().strip() or "unknown"


if __name__ == "__main__":
    if sys.argv[1:]:
        asks_help = sys.argv[1:] in (["--help"], ["-h"])
        print(__doc__.strip() if asks_help else "xfs_io_adapter.py: takes no options (it serves the adapter protocol on stdin/stdout); see --help",
              file=sys.stdout if asks_help else sys.stderr)
        sys.exit(0 if asks_help else 2)
    dd_adapter.main(XfsIoStore)
