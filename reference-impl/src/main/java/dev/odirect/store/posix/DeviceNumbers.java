package dev.odirect.store.posix;

/** A device by its major and minor numbers, written {@code major:minor} as sysfs names it under /sys/dev/block. */
record DeviceNumbers(int major, int minor) {

    /** Decodes an {@code st_dev} as glibc's gnu_dev_major and gnu_dev_minor do (bits/sysmacros.h). */
    static DeviceNumbers ofStatDev(long dev) {
        long major = ((dev & 0x00000000000fff00L) >>> 8) | ((dev & 0xfffff00000000000L) >>> 32);
        long minor = (dev & 0x00000000000000ffL) | ((dev & 0x00000ffffff00000L) >>> 12);
        return new DeviceNumbers((int) major, (int) minor);
    }

    @Override
    public String toString() {
        return major + ":" + minor;
    }
}
