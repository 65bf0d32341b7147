package dev.odirect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench pipeline end to end on a small configuration: JMH forks, fio baseline, residency,
 * bench.json, the chart and the report. No number is asserted: numbers belong to benchmarks.
 */
class BenchCommandIT {
    @TempDir
    Path out;

    @Test
    void aSmallBenchWritesItsResultsChartAndReport() throws Exception {
        Process bench = new ProcessBuilder("java", "-jar", System.getProperty("odirect.jar"), "bench", "--cells", "tmpfs",
                "--only", "StreamingWrite", "--param", "chunk=1048576", "--param", "tail=1000", "--param", "target=DIRECT",
                "--param", "sizeMiB=8", "--out", out.toString()).redirectErrorStream(true).start();
        String output = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bench.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, bench.exitValue(), output);
        JsonNode json = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        JsonNode cell = json.path("cells").path(0);
        JsonNode measurement = cell.path("measurements").path(0);
        assertEquals("StreamingWriteBenchmark.streamOneObject", measurement.path("benchmark").asText(), json.toString());
        assertEquals("DIRECT", measurement.at("/params/target").asText());
        assertTrue(measurement.path("mbPerSecond").asDouble() > 0, measurement.toString());
        // tmpfs accepts O_DIRECT and caches the bytes anyway: the store counts them as not verified, never as direct
        assertEquals(0, cell.at("/observed/DIRECT/counters/bytesWrittenDirect").asLong(), cell.toString());
        assertTrue(cell.at("/observed/DIRECT/counters/bytesWrittenDirectNotVerified").asLong() > 0, cell.toString());
        assertTrue(cell.at("/observed/DIRECT/counters/latencies/finish/count").asLong() > 0, cell.toString());
        try (var charts = Files.list(out.resolve("charts"))) {
            assertTrue(charts.anyMatch(p -> p.toString().endsWith(".png")));
        }
        assertTrue(Files.readString(out.resolve("bench.md")).contains("| 1 MiB | 1000 |"), Files.readString(out.resolve("bench.md")));
        assertTrue(output.contains("report: "), output);
    }
}
