package dev.odirect.matrix.blocks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The kernel's FUSE protocol as far as {@link FuseServer} speaks it: opcodes, error numbers and
 * the layouts of the structures it reads and writes ({@code include/uapi/linux/fuse.h}, 7.31).
 */
final class Fuse {
    static final int LOOKUP = 1;
    static final int FORGET = 2;
    static final int GETATTR = 3;
    static final int SETATTR = 4;
    static final int OPEN = 14;
    static final int READ = 15;
    static final int WRITE = 16;
    static final int STATFS = 17;
    static final int RELEASE = 18;
    static final int FSYNC = 20;
    static final int FLUSH = 25;
    static final int INIT = 26;
    static final int OPENDIR = 27;
    static final int READDIR = 28;
    static final int RELEASEDIR = 29;
    static final int INTERRUPT = 36;
    static final int BATCH_FORGET = 42;
    static final int FALLOCATE = 43;

    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EIO = 5;
    static final int EAGAIN = 11;
    static final int ENODEV = 19;
    static final int EISDIR = 21;
    static final int ENOSPC = 28;
    static final int ENOSYS = 38;
    /** Not an errno: the request takes no reply (forget, interrupt). */
    static final int NO_REPLY = Integer.MIN_VALUE;

    static final int IN_HEADER = 40;
    static final int OUT_HEADER = 16;
    static final int WRITE_IN = 40;
    static final int FALLOC_FL_PUNCH_HOLE = 0x02;
    static final int FALLOC_FL_ZERO_RANGE = 0x10;

    private static final int KERNEL_MAJOR = 7;
    private static final int MINOR = 31;
    private static final int FUSE_BIG_WRITES = 1 << 5;
    private static final int FUSE_MAX_PAGES = 1 << 22;
    private static final int FOPEN_DIRECT_IO = 1;
    private static final int PAGE = 4096;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;

    private Fuse() {
    }

    record Request(int opcode, long unique, long nodeId) {
        static Request of(ByteBuffer in) {
            return new Request(in.getInt(4), in.getLong(8), in.getLong(16));
        }

        @Override
        public String toString() {
            return "FUSE request " + unique + " (opcode " + opcode + ", node " + nodeId + ")";
        }
    }

    /** Accepts the kernel's protocol 7.x at our minor version, with writes of up to {@link FuseServer#MAX_WRITE}. */
    static int initReply(ByteBuffer in, int body, ByteBuffer out) {
        int major = in.getInt(body);
        if (major != KERNEL_MAJOR) {
            return -EIO;
        }
        int maxReadahead = in.getInt(body + 8);
        int offered = in.getInt(body + 12);
        out.putInt(KERNEL_MAJOR).putInt(MINOR).putInt(maxReadahead).putInt(offered & (FUSE_BIG_WRITES | FUSE_MAX_PAGES))
                .putShort((short) 16).putShort((short) 12).putInt(FuseServer.MAX_WRITE).putInt(1)
                .putShort((short) (FuseServer.MAX_WRITE / PAGE)).putShort((short) 0).putInt(0).putInt(0);
        for (int i = 0; i < 6; i++) {
            out.putInt(0);
        }
        return 0;
    }

    static int openReply(ByteBuffer out, long handle) {
        out.putLong(handle).putInt(FOPEN_DIRECT_IO).putInt(0);
        return 0;
    }

    static int opendirReply(ByteBuffer out) {
        out.putLong(0).putInt(0).putInt(0);
        return 0;
    }

    static int statfsReply(ByteBuffer out) {
        out.putLong(0).putLong(0).putLong(0).putLong(0).putLong(0).putInt(PAGE).putInt(255).putInt(PAGE).putInt(0);
        for (int i = 0; i < 6; i++) {
            out.putInt(0);
        }
        return 0;
    }

    /**
     * The directory's entries from the {@code from}-th on, as many whole {@code fuse_dirent}s as fit in
     * {@code size} bytes: inode, the next entry's offset, name length, type, the name padded to 8 bytes.
     */
    static int readdirReply(ByteBuffer out, List<Map.Entry<String, Long>> entries, long from, int size) {
        int start = out.position();
        for (int i = (int) from; i < entries.size(); i++) {
            byte[] name = entries.get(i).getKey().getBytes(StandardCharsets.UTF_8);
            int length = (24 + name.length + 7) & ~7;
            if (out.position() - start + length > size) {
                break;
            }
            int type = entries.get(i).getValue() == 1 || i < 2 ? 4 : 8;
            out.putLong(entries.get(i).getValue()).putLong(i + 1).putInt(name.length).putInt(type).put(name);
            out.position(out.position() + (length - 24 - name.length));
        }
        return 0;
    }

    static void putFileAttributes(ByteBuffer out, long id, long size) {
        putAttributes(out, id, size, S_IFREG | 0600);
    }

    static void putDirectoryAttributes(ByteBuffer out, long id) {
        putAttributes(out, id, 0, S_IFDIR | 0755);
    }

    private static void putAttributes(ByteBuffer out, long id, long size, int mode) {
        out.putLong(id).putLong(size).putLong((size + 511) / 512).putLong(0).putLong(0).putLong(0)
                .putInt(0).putInt(0).putInt(0).putInt(mode).putInt(1).putInt(0).putInt(0).putInt(0).putInt(PAGE).putInt(0);
    }
}
