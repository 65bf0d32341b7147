package dev.odirect.bench;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** A test case per benchmarked cell in the Allure results, with the table and the chart attached. */
final class BenchAllure {
    private BenchAllure() {
    }

    static void write(Path results, CellBench cell, String table, Path chart) throws IOException {
        Files.createDirectories(results);
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        String uuid = UUID.randomUUID().toString();
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("bench " + cell.name())
                .setFullName("dev.odirect.bench." + cell.name()).setHistoryId("bench-" + cell.name())
                .setDescription("Throughput of the reference store against fio in cell " + cell.name() + ". " + cell.note())
                .setStatus(Status.PASSED).setLabels(List.of(new Label().setName("suite").setValue("benchmarks"),
                        new Label().setName("feature").setValue("performance"),
                        new Label().setName("story").setValue(cell.name()))));
        lifecycle.startTestCase(uuid);
        lifecycle.addAttachment("throughput table", "text/plain", ".md", table.getBytes(StandardCharsets.UTF_8));
        if (chart != null) {
            lifecycle.addAttachment("throughput chart", "image/png", ".png", Files.readAllBytes(chart));
        }
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
    }
}
