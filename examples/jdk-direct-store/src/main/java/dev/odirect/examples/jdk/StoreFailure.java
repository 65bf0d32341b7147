package dev.odirect.examples.jdk;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Map;

/** A refused request: the protocol's error code (an errno name where one fits) and a message. */
final class StoreFailure extends Exception {
    private static final long serialVersionUID = 1L;
    /** The JDK gives errors as strerror text only: these are the ones a store meets. */
    private static final Map<String, String> ERRNO_BY_TEXT = Map.of(
            "No space left on device", "ENOSPC", "Input/output error", "EIO", "Invalid argument", "EINVAL",
            "Is a directory", "EISDIR", "Not a directory", "ENOTDIR", "Too many levels of symbolic links", "ELOOP",
            "Disk quota exceeded", "EDQUOT", "Read-only file system", "EROFS");

    final String code;

    StoreFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    static StoreFailure of(IOException error) {
        if (error instanceof NoSuchFileException) {
            return new StoreFailure("ENOENT", String.valueOf(error.getMessage()));
        }
        if (error instanceof NotDirectoryException) {
            return new StoreFailure("ENOTDIR", String.valueOf(error.getMessage()));
        }
        if (error instanceof DirectoryNotEmptyException) {
            return new StoreFailure("ENOTEMPTY", String.valueOf(error.getMessage()));
        }
        if (error instanceof FileSystemLoopException) {
            return new StoreFailure("ELOOP", String.valueOf(error.getMessage()));
        }
        String text = error instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : String.valueOf(error.getMessage());
        String code = ERRNO_BY_TEXT.entrySet().stream().filter(e -> text.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("EIO");
        return new StoreFailure(code, error.getClass().getSimpleName() + ": " + error.getMessage());
    }
}
