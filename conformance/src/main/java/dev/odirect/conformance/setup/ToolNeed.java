package dev.odirect.conformance.setup;

/**
 * A system tool that part of a run needs: {@code tool} for {@code purpose} {@code subject}, as in
 * "mkfs.xfs" for "cells" "xfs" (needs of one tool and purpose are listed together: "cells xfs, xfs-4k").
 */
public record ToolNeed(String tool, String purpose, String subject) {
}
