package dev.odirect.store.spi;

import dev.odirect.spi.Outcome;
import dev.odirect.spi.StoreSession;
import dev.odirect.spi.protocol.ErrorCode;
import dev.odirect.store.DirectStore;
import dev.odirect.store.ObjectWriter;
import dev.odirect.store.WriteResult;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The reference store as a {@link StoreSession}: named handles over {@link ObjectWriter}s. */
public final class ReferenceSession implements StoreSession {
    private final DirectStore store;
    private final Map<String, ObjectWriter> handles = new LinkedHashMap<>();
    private WriteResult lastWrite;

    public ReferenceSession(DirectStore store) {
        this.store = store;
    }

    @FunctionalInterface
    private interface Call {
        Outcome run() throws Exception;
    }

    @Override
    public Outcome put(String key, byte[] data) {
        return answer(() -> written(store.put(key, ByteBuffer.wrap(data))));
    }

    @Override
    public Outcome open(String key, String handle) {
        return answer(() -> {
            if (handles.containsKey(handle)) {
                return Outcome.error(ErrorCode.EINVAL.name(), "handle '" + handle + "' is already open");
            }
            handles.put(handle, store.openWriter(key));
            return Outcome.success();
        });
    }

    @Override
    public Outcome write(String handle, byte[] chunk) {
        return answer(() -> {
            ObjectWriter writer = handles.get(handle);
            if (writer == null) {
                return badHandle(handle);
            }
            writer.writeChunk(ByteBuffer.wrap(chunk));
            return Outcome.success();
        });
    }

    /** The handle dies when finish answers, whatever the answer. */
    @Override
    public Outcome finish(String handle) {
        return answer(() -> {
            ObjectWriter writer = handles.remove(handle);
            return writer == null ? badHandle(handle) : written(writer.finish());
        });
    }

    @Override
    public Outcome abort(String handle) {
        return answer(() -> {
            ObjectWriter writer = handles.remove(handle);
            if (writer == null) {
                return badHandle(handle);
            }
            writer.abort();
            return Outcome.success();
        });
    }

    @Override
    public Outcome get(String key, OptionalLong offset, OptionalLong length) {
        return answer(() -> {
            ByteBuffer data = offset.isEmpty() && length.isEmpty()
                    ? store.get(key)
                    : store.get(key, offset.orElse(0), (int) Math.min(Integer.MAX_VALUE, length.orElse(Integer.MAX_VALUE)));
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            return Outcome.success(bytes);
        });
    }

    @Override
    public Outcome delete(String key) {
        return answer(() -> {
            store.delete(key);
            return Outcome.success();
        });
    }

    /** How the last acknowledged put or finish wrote its bytes. */
    public Optional<WriteResult> lastWrite() {
        return Optional.ofNullable(lastWrite);
    }

    @Override
    public void close() {
        for (ObjectWriter writer : handles.values()) {
            try {
                writer.close();
            } catch (Exception ignored) {
                // the session is ending; a failed abort leaves only a hidden temporary file
            }
        }
        handles.clear();
        store.close();
    }

    private Outcome written(WriteResult result) {
        lastWrite = result;
        return Outcome.success();
    }

    private static Outcome badHandle(String handle) {
        return Outcome.error(ErrorCode.EBADHANDLE.name(), "no open handle '" + handle + "' (never opened, finished or aborted)");
    }

    private static Outcome answer(Call call) {
        try {
            return call.run();
        } catch (Exception | OutOfMemoryError failure) {
            return Outcomes.of(failure);
        }
    }
}
