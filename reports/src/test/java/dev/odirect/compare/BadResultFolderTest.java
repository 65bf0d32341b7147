package dev.odirect.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadResultFolderTest {
    @TempDir
    Path scratch;

    @Test
    void aFolderWithoutAResultFileSaysWhatWasExpected() throws IOException {
        Path empty = Files.createDirectories(scratch.resolve("empty"));
        assertEquals(empty + " is not a result folder: expected summary.json (odirect check), matrix.json (odirect matrix) "
                + "or bench.json (odirect bench) in it", failure(empty, new ResultFolders(scratch).real("check-reference")));
        Path missing = scratch.resolve("missing");
        assertEquals(missing + " is not a directory: expected summary.json (odirect check), matrix.json (odirect matrix) "
                + "or bench.json (odirect bench) in it", failure(new ResultFolders(scratch).real("check-reference"), missing));
    }

    @Test
    void aResultFileThatIsNotOdirectsSaysWhichFileAndWhy() throws IOException {
        Path notJson = Files.createDirectories(scratch.resolve("not-json"));
        Files.writeString(notJson.resolve("summary.json"), "PASS STREAM-1");
        Path reference = new ResultFolders(scratch).real("check-reference");
        assertEquals(notJson.resolve("summary.json") + " is not JSON (Unrecognized token 'PASS': was expecting "
                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false'))", failure(reference, notJson));
        Path noRules = new ResultFolders(scratch).edited("check-reference", "no-rules", root -> root.remove("rules"));
        assertEquals(noRules.resolve("summary.json") + " has no \"rules\": not a result file of odirect", failure(reference, noRules));
    }

    @Test
    void aBenchFolderIsComparedOnlyWithABenchFolder() {
        ResultFolders folders = new ResultFolders(scratch);
        Path bench = folders.real("bench-1");
        Path check = folders.real("check-reference");
        assertEquals("cannot compare " + bench + " (odirect bench) with " + check + " (odirect check): compare bench "
                + "folders with bench folders, check and matrix folders with each other", failure(bench, check));
    }

    private static String failure(Path old, Path now) {
        return assertThrows(ResultFolderException.class, () -> Comparison.of(old, now, 50)).getMessage();
    }
}
