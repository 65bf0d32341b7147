package dev.odirect.store.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.odirect.store.StoreIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    /** Opening a store opens its root: a refusal there is answered with its errno, not EIO. */
    @Test
    void aRootThatCannotBeOpenedAnswersTheErrno() {
        StoreIOException denied = new StoreIOException("open(root directory)", "EACCES", 13, Path.of("/r"),
                StoreIOException.NO_OFFSET, "Permission denied");
        assertEquals("EACCES", Outcomes.of(new UncheckedIOException(denied)).code());
    }
}
