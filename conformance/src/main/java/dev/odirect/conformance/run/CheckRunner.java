package dev.odirect.conformance.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.odirect.conformance.suite.Durably;
import dev.odirect.conformance.suite.CiLinks;
import dev.odirect.conformance.suite.RuleCatalog;
import dev.odirect.conformance.suite.RuleResultsWriter;
import dev.odirect.conformance.suite.StoreTarget;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.MethodFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs the rules against one store on one directory through the JUnit Platform, and writes
 * {@code summary.json}, JUnit XML ({@code junit/}) and Allure results ({@code allure-results/}).
 */
public final class CheckRunner {
    public static final String RULES_PACKAGE = "dev.odirect.conformance.rules";

    private CheckRunner() {
    }

    public static CheckReport run(CheckOptions options, PrintStream console) throws CheckSetupException, IOException {
        preflight(options);
        Path allureResults = Files.createDirectories(options.out().resolve("allure-results"));
        AllureLifecycle allure = new AllureLifecycle(new RuleResultsWriter(allureResults));
        Allure.setLifecycle(allure);
        ResultCollector collector = new ResultCollector(console, options.waivers());
        Path junit = Files.createDirectories(options.out().resolve("junit"));
        PrintWriter junitLog = new PrintWriter(System.err, true);
        // Our own listeners only: the Allure listener found on the class path would write elsewhere, twice.
        LauncherConfig launcher = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build();
        LauncherFactory.create(launcher).execute(request(options), collector,
                new LegacyXmlReportGeneratingListener(junit, junitLog), new AllureJunitPlatform(allure));
        junitLog.flush();
        GateVerdict verdict = GateVerdict.of(collector.results());
        Summary summary = Summary.of(options, collector.results(), verdict, collector.facts());
        summary.write(options.out().resolve("summary.json"));
        Environment.write(allureResults, summary);
        AllureRunFiles.write(allureResults, options.settings().command() + (options.rules().isEmpty() ? ""
                : " --rule " + String.join(",", options.rules())), CiLinks.fromEnvironment());
        return new CheckReport(collector.results(), options.out(), summary, verdict);
    }

    private static LauncherDiscoveryRequest request(CheckOptions options) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(RULES_PACKAGE))
                .configurationParameters(options.parameters());
        if (!options.rules().isEmpty()) {
            String ids = String.join("|", options.rules().stream().map(id -> id.replace('-', '_')).toList());
            request.filters(MethodFilter.includeMethodNamePatterns(".*#(required|optional)_(" + ids + ")_.*"));
        }
        return request.build();
    }

    /** Fails fast, with one line that says what to do, before any rule runs. */
    public static void preflight(CheckOptions options) throws CheckSetupException {
        if (!Files.isDirectory(options.dir()) || !Files.isWritable(options.dir())) {
            throw new CheckSetupException("directory " + options.dir() + " does not exist or is not writable: "
                    + "create it or pass another --dir");
        }
        requireKnownRules(options.rules(), "");
        requireKnownRules(options.waivers(), " in " + CheckOptions.WAIVE_OPTION);
        requireKnownRules(options.notApplicable().keySet(), " declared not applicable");
        StoreTarget target;
        try {
            target = options.settings().target();
        } catch (IllegalArgumentException bad) {
            throw new CheckSetupException(bad.getMessage());
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory(options.dir(), "odirect-preflight-");
            target.open(scratch).close();
        } catch (IOException | RuntimeException failed) {
            throw new CheckSetupException("the store '" + target.describe() + "' could not start a session in "
                    + options.dir() + ": " + failed.getMessage());
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static void requireKnownRules(Collection<String> ids, String where) throws CheckSetupException {
        List<String> unknown = ids.stream().filter(id -> RuleCatalog.rule(id).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new CheckSetupException("unknown rule " + unknown + where + ": rules are " + RuleCatalog.rules().keySet());
        }
    }

    private static void deleteQuietly(Path scratch) {
        try {
            if (scratch != null) {
                Durably.deleteTree(scratch);
            }
        } catch (IOException ignored) {
            // an empty scratch directory left behind is harmless
        }
    }
}
