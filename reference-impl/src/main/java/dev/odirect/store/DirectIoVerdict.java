package dev.odirect.store;

import java.util.Optional;

/**
 * How a file's bytes reach the device, as far as the store can tell. A direct store says
 * {@link Kind#DIRECT} only with the kernel's word for it (statx STATX_DIOALIGN) on a filesystem
 * that has a device; where O_DIRECT was accepted without that, it says
 * {@link Kind#DIRECT_NOT_VERIFIED} and why.
 *
 * @param reason why direct I/O is not verified, or why a direct store fell back to the page cache;
 *               empty for {@link Kind#DIRECT} and for a buffered ({@code file://}) store
 */
public record DirectIoVerdict(Kind kind, Optional<String> reason) {

    public enum Kind {
        /** Written with O_DIRECT where the kernel reports direct I/O for the file. */
        DIRECT,
        /** Written with O_DIRECT, which was accepted, but nothing shows the page cache is bypassed. */
        DIRECT_NOT_VERIFIED,
        /** Written through the page cache: a buffered store, or a direct store's fallback. */
        BUFFERED
    }

    public static final DirectIoVerdict DIRECT = new DirectIoVerdict(Kind.DIRECT, Optional.empty());
    public static final DirectIoVerdict BUFFERED_STORE = new DirectIoVerdict(Kind.BUFFERED, Optional.empty());

    public DirectIoVerdict {
        if (kind == Kind.DIRECT && reason.isPresent() || kind == Kind.DIRECT_NOT_VERIFIED && reason.isEmpty()) {
            throw new IllegalArgumentException(kind + " with reason " + reason);
        }
    }

    public static DirectIoVerdict notVerified(String reason) {
        return new DirectIoVerdict(Kind.DIRECT_NOT_VERIFIED, Optional.of(reason));
    }

    public static DirectIoVerdict fellBack(String reason) {
        return new DirectIoVerdict(Kind.BUFFERED, Optional.of(reason));
    }

    /** Whether the file was opened with O_DIRECT, verified or not. */
    public boolean oDirect() {
        return kind != Kind.BUFFERED;
    }

    /** Why a direct store wrote through the page cache; empty when it did not, or is a buffered store. */
    public Optional<String> fallbackReason() {
        return kind == Kind.BUFFERED ? reason : Optional.empty();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DIRECT -> "direct I/O";
            case DIRECT_NOT_VERIFIED -> "O_DIRECT, direct I/O not verified: " + reason.orElseThrow();
            case BUFFERED -> reason.map(why -> "through the page cache: " + why + " (fallback=BUFFERED)")
                    .orElse("through the page cache (buffered store)");
        };
    }
}
