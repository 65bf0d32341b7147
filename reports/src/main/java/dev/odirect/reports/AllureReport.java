package dev.odirect.reports;

import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.matrix.MatrixReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The HTML report of one or more runs: every {@code allure-results} folder found under the inputs is
 * merged (environments joined), the previous report's {@code history/} is carried over so trends
 * span runs, and two reports are written: {@code site/} (keeps the history) and {@code index.html},
 * a single file that opens from {@code file://}.
 */
public final class AllureReport {
    /** Opening the report requests no host: the generator's analytics are off. */
    static final Map<String, String> GENERATOR_ENVIRONMENT = Map.of("ALLURE_NO_ANALYTICS", "true");

    private AllureReport() {
    }

    public static Path generate(List<Path> inputs, Path out, PrintStream console) throws IOException, CheckSetupException {
        Path allure = AllureCommandLine.locate().orElseThrow(() -> new CheckSetupException(
                "the Allure command line is not unpacked: run './mvnw -B -DskipTests package' (or set ODIRECT_ALLURE_HOME)"));
        List<Path> results = resultFolders(inputs);
        if (results.isEmpty()) {
            throw new CheckSetupException("no allure-results folder under " + inputs + ": pass the --out folders of "
                    + "odirect check or matrix runs");
        }
        Path merged = Files.createTempDirectory("odirect-allure-");
        try {
            merge(results, merged);
            Path previousHistory = out.resolve("site").resolve("history");
            if (Files.isDirectory(previousHistory)) {
                copyFolder(previousHistory, merged.resolve("history"));
            }
            Files.createDirectories(out);
            run(allure, "generate", "--clean", "-o", out.resolve("site").toString(), merged.toString());
            Path single = out.resolve(".single");
            run(allure, "generate", "--single-file", "--clean", "-o", single.toString(), merged.toString());
            Files.move(single.resolve("index.html"), out.resolve("index.html"), StandardCopyOption.REPLACE_EXISTING);
            Files.delete(single);
        } finally {
            deleteTree(merged);
        }
        Path report = out.resolve("index.html");
        console.println("report: " + report + " (from " + results.size() + " result folder" + (results.size() == 1 ? "" : "s") + ")");
        return report;
    }

    static List<Path> resultFolders(List<Path> inputs) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(input, 6)) {
                walk.filter(Files::isDirectory).filter(p -> p.getFileName().toString().equals("allure-results"))
                        .sorted().forEach(found::add);
            }
        }
        return found;
    }

    /** Result files have unique names; environment.properties of several runs are joined key by key. */
    static void merge(List<Path> results, Path merged) throws IOException {
        Map<String, List<String>> environment = new TreeMap<>();
        for (Path folder : results) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (name.equals("environment.properties")) {
                        readInto(file, environment);
                    } else if (!name.equals("categories.json") || !Files.exists(merged.resolve(name))) {
                        Files.copy(file, merged.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        // the overview's Executors widget links back to the verdict page beside the report folder
        Files.writeString(merged.resolve("executor.json"), "{\"name\":\"odirect\",\"type\":\"odirect\","
                + "\"buildName\":\"verdict page: failures, replays, the matrix\",\"buildUrl\":\"../" + MatrixReport.VERDICT_PAGE + "\"}");
        Files.writeString(merged.resolve("environment.properties"), environment.entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join(", ", e.getValue()).replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n")));
    }

    private static void readInto(Path file, Map<String, List<String>> environment) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        properties.stringPropertyNames().forEach(key -> {
            List<String> values = environment.computeIfAbsent(key, k -> new ArrayList<>());
            if (!values.contains(properties.getProperty(key))) {
                values.add(properties.getProperty(key));
            }
        });
    }

    private static void run(Path allure, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(allure.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // without ALLURE_NO_ANALYTICS the report loads Google Analytics (googletagmanager.com) whenever it is opened
        builder.environment().putAll(GENERATOR_ENVIRONMENT);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException("allure " + String.join(" ", arguments) + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Allure generated the report", e);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        dev.odirect.conformance.suite.Durably.deleteTree(root);
    }
}
