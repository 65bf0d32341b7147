package dev.odirect.store.spi;

import dev.odirect.spi.Outcome;
import dev.odirect.spi.protocol.ErrorCode;
import dev.odirect.store.InvalidKeyException;
import dev.odirect.store.StoreIOException;
import java.io.UncheckedIOException;

/** How the reference store's exceptions become protocol answers: errno names where there are any. */
public final class Outcomes {
    private Outcomes() {
    }

    public static Outcome of(Throwable failure) {
        if (failure instanceof StoreIOException io) {
            return Outcome.error(io.errnoName(), io.getMessage());
        }
        if ((failure instanceof IllegalStateException || failure instanceof UncheckedIOException)
                && failure.getCause() instanceof StoreIOException io) {
            return Outcome.error(io.errnoName(), failure.getMessage());
        }
        if (failure instanceof InvalidKeyException || failure instanceof IllegalArgumentException) {
            return Outcome.error(ErrorCode.EINVAL.name(), failure.getMessage());
        }
        return Outcome.error(ErrorCode.EIO.name(), failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
