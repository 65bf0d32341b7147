package dev.odirect.compare;

/** A folder that is not a result folder of check, matrix or bench, or whose JSON is not theirs: one line for the user. */
public final class ResultFolderException extends RuntimeException {
    public ResultFolderException(String message) {
        super(message);
    }
}
