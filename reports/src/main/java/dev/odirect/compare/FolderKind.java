package dev.odirect.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The result folders compare reads, each told by the file its command writes. */
public enum FolderKind {
    MATRIX("matrix.json", "odirect matrix"),
    CHECK("summary.json", "odirect check"),
    BENCH("bench.json", "odirect bench");

    private final String file;
    private final String command;

    FolderKind(String file, String command) {
        this.file = file;
        this.command = command;
    }

    public String file() {
        return file;
    }

    public String command() {
        return command;
    }

    static FolderKind of(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ResultFolderException(folder + " is not a directory: " + expected());
        }
        return Arrays.stream(values()).filter(kind -> Files.isRegularFile(folder.resolve(kind.file))).findFirst()
                .orElseThrow(() -> new ResultFolderException(folder + " is not a result folder: " + expected()));
    }

    /** "expected summary.json (odirect check), matrix.json (odirect matrix) or bench.json (odirect bench) in it" */
    private static String expected() {
        String each = Arrays.stream(new FolderKind[] {CHECK, MATRIX, BENCH})
                .map(kind -> kind.file + " (" + kind.command + ")").collect(Collectors.joining(", "));
        int last = each.lastIndexOf(", ");
        return "expected " + each.substring(0, last) + " or" + each.substring(last + 1) + " in it";
    }
}
