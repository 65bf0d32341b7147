package dev.odirect.spi;

import java.util.OptionalLong;

/**
 * One session of a store over one root directory: the operations of the adapter protocol. A store
 * reports its own failures as {@link Outcome#error}; an exception means the session itself broke
 * (the suite fails the rule and starts a fresh session). Handles are strings the suite chooses.
 * The suite makes a session's calls one at a time, on a thread of that session, and gives up on a
 * session whose call does not return within its timeout ({@code --timeout}).
 */
public interface StoreSession extends AutoCloseable {

    Outcome put(String key, byte[] data);

    Outcome open(String key, String handle);

    Outcome write(String handle, byte[] chunk);

    Outcome finish(String handle);

    /** Optional: offered when {@link Capability#ABORT} is declared. */
    Outcome abort(String handle);

    /** The whole object, or {@code length} bytes from {@code offset} when either is present. */
    Outcome get(String key, OptionalLong offset, OptionalLong length);

    /** Optional: offered when {@link Capability#DELETE} is declared. */
    Outcome delete(String key);

    /** Ends the session; handles still open are given up. */
    @Override
    void close();
}
