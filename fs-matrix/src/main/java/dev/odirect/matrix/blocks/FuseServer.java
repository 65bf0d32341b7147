package dev.odirect.matrix.blocks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A FUSE filesystem of flat files, each a {@link BlockDevice}, served by speaking the kernel's
 * {@code /dev/fuse} protocol directly (no libfuse). Requests are handled one at a time, in the
 * order the kernel queued them, so a device sees a flush after every write that completed before
 * it. Files are opened with direct I/O: every read and write of a loop device on them reaches the
 * server, none is answered from a page cache of the FUSE file.
 */
public final class FuseServer implements AutoCloseable {
    static final int MAX_WRITE = 1 << 20;
    private static final long ROOT = 1;

    private final Path mountPoint;
    private final int fd;
    private final Thread loop;
    private final Map<String, Node> byName = new ConcurrentHashMap<>();
    private final Map<Long, Node> byId = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(ROOT + 1);
    private volatile IOException failure;

    private record Node(long id, String name, BlockDevice device) {
    }

    private FuseServer(Path mountPoint, int fd) {
        this.mountPoint = mountPoint;
        this.fd = fd;
        this.loop = new Thread(this::serve, "fuse-" + mountPoint.getFileName());
        loop.setDaemon(true);
    }

    /** Mounts an empty server at {@code mountPoint} (an existing directory) and starts serving. */
    public static FuseServer mount(Path mountPoint) throws IOException {
        int fd = FuseCalls.LIBC.open("/dev/fuse", FuseCalls.O_RDWR | FuseCalls.O_CLOEXEC);
        if (fd < 0) {
            throw new IOException("cannot open /dev/fuse: " + FuseCalls.lastError()
                    + " (the block recorder needs FUSE: root, and /dev/fuse given to the container)");
        }
        String options = "fd=" + fd + ",rootmode=40000,user_id=0,group_id=0,allow_other";
        if (FuseCalls.LIBC.mount("odirect-blocks", mountPoint.toString(), "fuse",
                FuseCalls.MS_NOSUID | FuseCalls.MS_NODEV, options) != 0) {
            String why = FuseCalls.lastError();
            FuseCalls.LIBC.close(fd);
            throw new IOException("cannot mount the block recorder's FUSE filesystem at " + mountPoint + ": " + why);
        }
        FuseServer server = new FuseServer(mountPoint, fd);
        server.loop.start();
        return server;
    }

    /** Serves {@code device} as the file {@code name}; returns its path. */
    public Path publish(String name, BlockDevice device) {
        Node node = new Node(nextId.getAndIncrement(), name, device);
        byName.put(name, node);
        byId.put(node.id(), node);
        return mountPoint.resolve(name);
    }

    /**
     * The file and its device are gone: call it once nothing has the file open (its loop device is
     * detached), so that the device's memory goes with it; a late request for it is answered ENOENT.
     */
    public void withdraw(String name) {
        Node node = byName.remove(name);
        if (node != null) {
            byId.remove(node.id());
        }
    }

    public Path mountPoint() {
        return mountPoint;
    }

    /** What went wrong in serving, if anything did: the devices' answers since then cannot be trusted. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Detaches the mount; the server ends when the kernel closes the connection, or when it is
     * aborted because something (a loop device) still held a file. The descriptor is closed only
     * after the server thread ended, so it never reads from a descriptor number reused meanwhile.
     */
    @Override
    public void close() throws IOException {
        String connection = Long.toString(connection());
        int result = FuseCalls.LIBC.umount2(mountPoint.toString(), FuseCalls.MNT_DETACH);
        String why = result == 0 ? "" : FuseCalls.lastError();
        join(10_000);
        if (loop.isAlive()) {
            abort(connection);
            join(10_000);
        }
        if (!loop.isAlive()) {
            FuseCalls.LIBC.close(fd);
        }
        if (result != 0) {
            throw new IOException("cannot unmount the block recorder at " + mountPoint + ": " + why);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void join(long millis) {
        try {
            loop.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Aborts the connection through fusectl (mounted for it if nobody has): pending requests end with ENOTCONN. */
    private static void abort(String connection) throws IOException {
        Path connections = Path.of("/sys/fs/fuse/connections");
        if (!Files.exists(connections.resolve(connection))) {
            FuseCalls.LIBC.mount("fusectl", connections.toString(), "fusectl", 0, "");
        }
        Files.writeString(connections.resolve(connection).resolve("abort"), "1");
    }

    /** The kernel's number for this FUSE connection (the mount's device number), for aborting it. */
    private long connection() {
        try {
            return ((Number) Files.getAttribute(mountPoint, "unix:dev")).longValue();
        } catch (IOException | UnsupportedOperationException unknown) {
            return -1;
        }
    }

    private void serve() {
        ByteBuffer in = ByteBuffer.allocateDirect(MAX_WRITE + 64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocateDirect(MAX_WRITE + 4096).order(ByteOrder.LITTLE_ENDIAN);
        while (true) {
            in.clear();
            long n = FuseCalls.LIBC.read(fd, in, in.capacity());
            if (n < 0) {
                int errno = FuseCalls.errno();
                if (errno == Fuse.EINTR || errno == Fuse.EAGAIN || errno == Fuse.ENOENT) {
                    continue;
                }
                if (errno != Fuse.ENODEV) {
                    failure = new IOException("reading /dev/fuse: " + FuseCalls.lastError());
                }
                return;
            }
            in.limit((int) n);
            Fuse.Request request = Fuse.Request.of(in);
            out.clear();
            out.position(Fuse.OUT_HEADER);
            int error;
            try {
                error = handle(request, in, out);
            } catch (DeviceFaults.InjectedError injected) {
                error = -Fuse.EIO;
            } catch (IOException | RuntimeException | Error e) {
                failure = failure == null ? new IOException("serving " + request + ": " + e.getMessage(), e) : failure;
                error = -Fuse.EIO;
                out.position(Fuse.OUT_HEADER);
            }
            if (error == Fuse.NO_REPLY) {
                continue;
            }
            if (error != 0) {
                out.position(Fuse.OUT_HEADER);
            }
            int length = out.position();
            out.putInt(0, length).putInt(4, error).putLong(8, request.unique());
            out.position(0).limit(length);
            if (FuseCalls.LIBC.write(fd, out, length) < 0 && FuseCalls.errno() != Fuse.ENOENT) {
                failure = new IOException("replying to " + request + ": " + FuseCalls.lastError());
            }
            out.limit(out.capacity());
        }
    }

    /** Handles one request, writing the reply's body to {@code out}; returns 0, -errno or {@link Fuse#NO_REPLY}. */
    private int handle(Fuse.Request request, ByteBuffer in, ByteBuffer out) throws IOException {
        int body = Fuse.IN_HEADER;
        return switch (request.opcode()) {
            case Fuse.INIT -> Fuse.initReply(in, body, out);
            case Fuse.LOOKUP -> lookup(cString(in, body), out);
            case Fuse.GETATTR, Fuse.SETATTR -> attributes(request.nodeId(), out);
            case Fuse.OPEN -> request.nodeId() == ROOT ? -Fuse.EISDIR
                    : byId.containsKey(request.nodeId()) ? Fuse.openReply(out, request.nodeId()) : -Fuse.ENOENT;
            case Fuse.READ, Fuse.WRITE, Fuse.FSYNC, Fuse.FALLOCATE -> onDevice(request, in, body, out);
            case Fuse.STATFS -> Fuse.statfsReply(out);
            case Fuse.OPENDIR -> Fuse.opendirReply(out);
            case Fuse.READDIR -> Fuse.readdirReply(out, listing(), in.getLong(body + 8), in.getInt(body + 16));
            case Fuse.FLUSH, Fuse.RELEASE, Fuse.RELEASEDIR -> 0;
            case Fuse.FORGET, Fuse.BATCH_FORGET, Fuse.INTERRUPT -> Fuse.NO_REPLY;
            default -> -Fuse.ENOSYS;
        };
    }

    /** ".", ".." and the files served, with their node ids. */
    private List<Map.Entry<String, Long>> listing() {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(
                List.of(Map.entry(".", ROOT), Map.entry("..", ROOT)));
        byName.values().stream().sorted(Comparator.comparingLong(Node::id))
                .forEach(node -> entries.add(Map.entry(node.name(), node.id())));
        return entries;
    }

    private int lookup(String name, ByteBuffer out) {
        Node node = byName.get(name);
        if (node == null) {
            return -Fuse.ENOENT;
        }
        out.putLong(node.id()).putLong(0).putLong(0).putLong(0).putInt(0).putInt(0);
        Fuse.putFileAttributes(out, node.id(), node.device().size());
        return 0;
    }

    private int attributes(long nodeId, ByteBuffer out) {
        out.putLong(0).putInt(0).putInt(0);
        if (nodeId == ROOT) {
            Fuse.putDirectoryAttributes(out, ROOT);
            return 0;
        }
        Node node = byId.get(nodeId);
        if (node == null) {
            return -Fuse.ENOENT;
        }
        Fuse.putFileAttributes(out, nodeId, node.device().size());
        return 0;
    }

    private int onDevice(Fuse.Request request, ByteBuffer in, int body, ByteBuffer out) throws IOException {
        Node node = byId.get(request.nodeId());
        if (node == null) {
            return -Fuse.ENOENT;
        }
        return switch (request.opcode()) {
            case Fuse.READ -> read(node, in.getLong(body + 8), in.getInt(body + 16), out);
            case Fuse.WRITE -> write(node, in, body, out);
            case Fuse.FSYNC -> {
                node.device().flush();
                yield 0;
            }
            default -> fallocate(node, in, body);
        };
    }

    private static int read(Node node, long offset, int size, ByteBuffer out) throws IOException {
        long available = Math.max(0, node.device().size() - offset);
        int length = (int) Math.min(size, available);
        ByteBuffer into = out.slice(out.position(), length);
        node.device().read(offset, into);
        out.position(out.position() + into.position());
        return 0;
    }

    private static int write(Node node, ByteBuffer in, int body, ByteBuffer out) throws IOException {
        long offset = in.getLong(body + 8);
        int size = in.getInt(body + 16);
        if (offset + size > node.device().size()) {
            return -Fuse.ENOSPC;
        }
        node.device().write(offset, in.slice(body + Fuse.WRITE_IN, size));
        out.putInt(size).putInt(0);
        return 0;
    }

    private static int fallocate(Node node, ByteBuffer in, int body) throws IOException {
        long offset = in.getLong(body + 8);
        long length = in.getLong(body + 16);
        int mode = in.getInt(body + 24);
        if ((mode & (Fuse.FALLOC_FL_PUNCH_HOLE | Fuse.FALLOC_FL_ZERO_RANGE)) != 0) {
            node.device().discard(offset, Math.min(length, node.device().size() - offset));
        }
        return 0;
    }

    private static String cString(ByteBuffer in, int from) {
        int end = from;
        while (end < in.limit() && in.get(end) != 0) {
            end++;
        }
        byte[] name = new byte[end - from];
        in.get(from, name);
        return new String(name, StandardCharsets.UTF_8);
    }
}
