package dev.odirect.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where the Allure command line is: unpacked by the build into {@code reports/target/allure-commandline}
 * (found relative to the running jar), or named by {@code ODIRECT_ALLURE_HOME}.
 */
public final class AllureCommandLine {
    private AllureCommandLine() {
    }

    public static String version() {
        try (InputStream in = AllureCommandLine.class.getResourceAsStream("allure.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("allure.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code bin/allure} script, or empty with nothing found. */
    public static Optional<Path> locate() {
        String home = System.getenv("ODIRECT_ALLURE_HOME");
        Stream<Path> candidates = home != null && !home.isBlank() ? Stream.of(Path.of(home)) : fromCodeSource();
        return candidates.map(dir -> dir.resolve("bin").resolve("allure")).filter(Files::isExecutable).findFirst();
    }

    /** {@code X/cli/target/odirect.jar} or {@code X/reports/target/classes}: both lead to X/reports/target. */
    private static Stream<Path> fromCodeSource() {
        try {
            Path here = Path.of(AllureCommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = here.getParent();
            Path project = target.getParent().getParent();
            String unpacked = "allure-" + version();
            return List.of(project.resolve("reports/target/allure-commandline").resolve(unpacked),
                    target.resolve("allure-commandline").resolve(unpacked)).stream();
        } catch (URISyntaxException | RuntimeException unknown) {
            return Stream.empty();
        }
    }
}
