package dev.odirect.store;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated key: a relative path of one or more '/'-separated segments, none of them empty,
 * {@code .} or {@code ..} or starting with {@link TemporaryName#PREFIX}, and no NUL byte. Validation happens before anything touches the disk,
 * so a refused key writes nothing anywhere.
 */
public record ObjectKey(String value, List<String> segments) {

    public static ObjectKey of(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidKeyException(key, "it is empty");
        }
        if (key.startsWith("/")) {
            throw new InvalidKeyException(key, "it is absolute");
        }
        if (key.indexOf('\0') >= 0) {
            throw new InvalidKeyException(key, "it contains a NUL byte");
        }
        List<String> segments = List.of(key.split("/", -1));
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new InvalidKeyException(key, "it has an empty segment");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new InvalidKeyException(key, "it has a '" + segment + "' segment");
            }
            if (TemporaryName.isReserved(segment)) {
                throw new InvalidKeyException(key, "a segment starts with '" + TemporaryName.PREFIX
                        + "', which names the store's temporary files");
            }
        }
        return new ObjectKey(key, segments);
    }

    /** The object's path under {@code root}, as messages show it; the store reaches it through descriptors. */
    public Path resolveUnder(Path root) {
        Path path = root;
        for (String segment : segments) {
            path = path.resolve(segment);
        }
        return path;
    }

    /** The last segment: the object's name in its parent directory. */
    public String name() {
        return segments.get(segments.size() - 1);
    }

    /** The segments that name directories, i.e. all but the last. */
    public List<String> parentSegments() {
        return segments.subList(0, segments.size() - 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
