package dev.odirect.conformance.stateful;

import dev.odirect.conformance.property.ChunkList;

/** One operation of a stateful sequence; data is a pure function of (seed, size), so a printed op replays. */
public sealed interface Op {
    record Put(String key, int size, long seed) implements Op {
        public byte[] data() {
            return ChunkList.Bytes.of(seed, size);
        }

        @Override
        public String toString() {
            return "put " + key + " " + size + "#" + seed;
        }
    }

    record Open(String key, String handle) implements Op {
        @Override
        public String toString() {
            return "open " + key + " " + handle;
        }
    }

    record Write(String handle, int size, long seed) implements Op {
        public byte[] data() {
            return ChunkList.Bytes.of(seed, size);
        }

        @Override
        public String toString() {
            return "write " + handle + " " + size + "#" + seed;
        }
    }

    record Finish(String handle) implements Op {
        @Override
        public String toString() {
            return "finish " + handle;
        }
    }

    record Abort(String handle) implements Op {
        @Override
        public String toString() {
            return "abort " + handle;
        }
    }

    record Get(String key) implements Op {
        @Override
        public String toString() {
            return "get " + key;
        }
    }

    record Delete(String key) implements Op {
        @Override
        public String toString() {
            return "delete " + key;
        }
    }
}
