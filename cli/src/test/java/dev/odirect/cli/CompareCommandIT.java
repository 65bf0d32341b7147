package dev.odirect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.compare.Comparison;
import dev.odirect.conformance.mutants.MutantProvider;
import dev.odirect.conformance.run.ExitStatus;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code odirect compare} on two real quick checks, the reference store and the mutant that loses a stream's
 * aligned part (its store on the class path beside the jar), compared both ways, and on bad input.
 */
class CompareCommandIT {
    private static final String RULES = "STREAM-2,SIZE-3,PUT-1,KEY-1";

    @TempDir
    static Path out;
    static Path reference;
    static Path mutant;

    /** What a finished command printed on stdout and stderr. */
    record Run(int exit, String stdout, String stderr) {
    }

    @BeforeAll
    static void checkBothStores() throws Exception {
        reference = check("reference", "direct:///");
        mutant = check("mutant", "mutant:aligned-part-lost");
    }

    private static Path check(String name, String store) throws Exception {
        Path dir = Files.createDirectories(out.resolve(name + "-dir"));
        Path results = out.resolve(name);
        Run run = odirect("check", "--store", store, "--dir", dir.toString(), "--out", results.toString(), "--seed", "3",
                "--rule", RULES, "--no-report");
        assertTrue(Files.isRegularFile(results.resolve("summary.json")), run.stdout() + run.stderr());
        return results;
    }

    @Test
    void theMutantAfterTheReferenceStoreRegressedAndSaysWhereAndHowToReplay() throws Exception {
        Run run = odirect("compare", reference.toString(), mutant.toString());
        assertEquals(Comparison.EXIT_REGRESSED, run.exit(), run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("\n## Regressions: pass to fail ("), run.stdout());
        // the cell is the check directory's filesystem type, whatever it is here
        assertTrue(run.stdout().matches("(?s).*\n- \\*\\*STREAM-2\\*\\* MUST in \\S+: passed → failed\n  - evidence: object \"stream/0\".*"),
                run.stdout());
        assertTrue(run.stdout().contains("  - replay: `odirect check --dir " + out.resolve("mutant-dir")
                + " --store mutant:aligned-part-lost --profile quick --seed 3 --rule STREAM-2`"), run.stdout());
        assertTrue(!run.stdout().contains("KEY-1"), "a rule both pass is not a change: " + run.stdout());
    }

    @Test
    void theReferenceStoreAfterTheMutantFixedItAndRegressedNothing() throws Exception {
        Path json = out.resolve("fixed.json");
        Run run = odirect("compare", "--format", "json", "--out", json.toString(), mutant.toString(), reference.toString());
        assertEquals(Comparison.EXIT_NOTHING_REGRESSED, run.exit(), run.stdout() + run.stderr());
        assertTrue(run.stdout().startsWith("0 regressions, 3 fixes, 0 not-run changes"), run.stdout());
        JsonNode comparison = new ObjectMapper().readTree(json.toFile());
        assertEquals(false, comparison.path("regressed").asBoolean());
        List<String> fixed = new ArrayList<>();
        comparison.path("fixes").forEach(fix -> fixed.add(fix.path("rule").asText()));
        assertEquals(List.of("PUT-1", "SIZE-3", "STREAM-2"), fixed.stream().sorted().toList());
    }

    @Test
    void aFolderThatIsNotAResultFolderIsOneLineAndStatusTwo() throws Exception {
        Path empty = Files.createDirectories(out.resolve("empty"));
        Run run = odirect("compare", reference.toString(), empty.toString());
        assertEquals(ExitStatus.ERROR, run.exit());
        assertEquals("odirect compare: " + empty + " is not a result folder: expected summary.json (odirect check), "
                + "matrix.json (odirect matrix) or bench.json (odirect bench) in it\n", run.stderr());
        assertEquals(ExitStatus.ERROR, odirect("compare", reference.toString()).exit(), "NEW is missing");
    }

    /** The jar as users run it, with the mutants' stores on the class path beside it. */
    private static Run odirect(String... arguments) throws IOException, InterruptedException {
        String mutants = Path.of(MutantProvider.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        List<String> command = new ArrayList<>(List.of("java", "-cp", System.getProperty("odirect.jar") + File.pathSeparator
                + mutants, Odirect.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(out.resolve("stderr").toFile()).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        return new Run(process.exitValue(), stdout, Files.readString(out.resolve("stderr")));
    }
}
