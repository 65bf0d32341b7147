package dev.odirect.store.posix;

/**
 * open(2) and fcntl(2) constants for Linux. jnr-constants has no O_DIRECT, and O_DIRECT,
 * O_DIRECTORY and O_NOFOLLOW differ between x86_64 and aarch64, so they are chosen by architecture here.
 */
public final class LinuxFlags {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
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
        String arch = System.getProperty("os.arch");
        boolean arm = arch.equals("aarch64") || arch.startsWith("arm");
        O_DIRECT = arm ? 0200000 : 040000;
        O_DIRECTORY = arm ? 040000 : 0200000;
        O_NOFOLLOW = arm ? 0100000 : 0400000;
    }

    private LinuxFlags() {
    }
}
