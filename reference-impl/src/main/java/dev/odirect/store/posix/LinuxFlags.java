package dev.odirect.store.posix;

/**
 * open(2) and fcntl(2) constants for Linux. jnr-constants has no O_DIRECT, and O_DIRECT,
 * O_DIRECTORY and O_NOFOLLOW differ between architectures: they come from {@link ArchitectureFlags},
 * which refuses an architecture it does not know (this class then fails to initialize). The
 * others are the same on every architecture it knows.
 */
public final class LinuxFlags {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_ACCMODE = 3;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_TRUNC = 01000;
    public static final int O_CLOEXEC = 02000000;
    public static final int O_DIRECT;
    public static final int O_DIRECTORY;
    public static final int O_NOFOLLOW;

    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;

    static {
        ArchitectureFlags flags = ArchitectureFlags.ofThisMachine();
        O_DIRECT = flags.oDirect();
        O_DIRECTORY = flags.oDirectory();
        O_NOFOLLOW = flags.oNofollow();
    }

    private LinuxFlags() {
    }
}
