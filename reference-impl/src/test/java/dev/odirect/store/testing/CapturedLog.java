package dev.odirect.store.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What the store logs while this is open. The store logs through System.Logger, which the JDK
 * backs with java.util.logging when no other provider is on the class path, as in these tests.
 */
public final class CapturedLog implements AutoCloseable {
    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private final Logger logger = Logger.getLogger("dev.odirect.store");
    private final Level previousLevel = logger.getLevel();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog() {
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    public static CapturedLog start() {
        return new CapturedLog();
    }

    /** The formatted messages logged at {@code level}, in order. */
    public List<String> at(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(FORMATTER::formatMessage).toList();
    }

    /** The formatted messages at {@code level} that contain {@code text}. */
    public List<String> at(Level level, String text) {
        return at(level).stream().filter(message -> message.contains(text)).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
    }
}
