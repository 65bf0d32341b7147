package dev.odirect.conformance.run;

import dev.odirect.conformance.suite.Profile;
import dev.odirect.conformance.suite.SessionLimits;
import dev.odirect.conformance.suite.SuiteSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one `odirect check` runs: which store, where, how hard, which rules, and where results go.
 *
 * @param waivers       rules whose failure or absence does not block the verdict (--waive)
 * @param notApplicable rules that cannot apply here by the nature of the place (a cell), with the reason
 * @param crashRecorder the id of the {@link dev.odirect.conformance.crash.CrashRecorders recorded device} under
 *                      {@code dir}, whose crash states the durability rules check (the fs-matrix registers it)
 */
public record CheckOptions(Optional<URI> store, Optional<String> adapter, Path dir, Profile profile, long seed, Path out,
                           List<String> rules, Optional<String> crashCommand, Optional<String> recoverCommand,
                           Optional<Path> fullDir, SessionLimits limits, boolean direct, Optional<String> cell,
                           Optional<String> noCrashReason, Set<String> waivers, Map<String, String> notApplicable,
                           Optional<String> crashRecorder) {
    /** The option that waives rules, as the closing line suggests it. */
    public static final String WAIVE_OPTION = "--waive";

    /** Without a recorded device. */
    public CheckOptions(Optional<URI> store, Optional<String> adapter, Path dir, Profile profile, long seed, Path out,
                        List<String> rules, Optional<String> crashCommand, Optional<String> recoverCommand,
                        Optional<Path> fullDir, SessionLimits limits, boolean direct, Optional<String> cell,
                        Optional<String> noCrashReason, Set<String> waivers, Map<String, String> notApplicable) {
        this(store, adapter, dir, profile, seed, out, rules, crashCommand, recoverCommand, fullDir, limits, direct, cell,
                noCrashReason, waivers, notApplicable, Optional.empty());
    }

    /** The configuration parameters the rules read (see {@link SuiteSettings}). */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        store.ifPresent(uri -> parameters.put(SuiteSettings.STORE, uri.toString()));
        adapter.ifPresent(command -> parameters.put(SuiteSettings.ADAPTER, command));
        parameters.put(SuiteSettings.DIR, dir.toString());
        parameters.put(SuiteSettings.PROFILE, profile.name());
        parameters.put(SuiteSettings.SEED, Long.toString(seed));
        parameters.put(SuiteSettings.TIMEOUT, Long.toString(limits.timeout().toSeconds()));
        parameters.put(SuiteSettings.ADAPTER_MAX_LINE, Integer.toString(limits.maxLine()));
        parameters.put(SuiteSettings.DIRECT, Boolean.toString(direct));
        crashCommand.ifPresent(command -> parameters.put(SuiteSettings.CRASH, command));
        recoverCommand.ifPresent(command -> parameters.put(SuiteSettings.RECOVER, command));
        fullDir.ifPresent(path -> parameters.put(SuiteSettings.FULL_DIR, path.toString()));
        cell.ifPresent(name -> parameters.put(SuiteSettings.CELL, name));
        noCrashReason.ifPresent(reason -> parameters.put(SuiteSettings.NO_CRASH_REASON, reason));
        notApplicable.forEach((rule, reason) -> parameters.put(SuiteSettings.NOT_APPLICABLE + rule, reason));
        crashRecorder.ifPresent(id -> parameters.put(SuiteSettings.CRASH_RECORDER, id));
        return parameters;
    }

    /** The same store, seed, profile, waivers and rules (those the cell runs too), pointed at one cell of a matrix. */
    public CheckOptions forCell(String name, Path cellDir, Path cellOut, List<String> cellRules,
                                Optional<String> crash, Optional<String> recover, Optional<Path> full,
                                Optional<String> whyNoCrash, Map<String, String> cellNotApplicable,
                                Optional<String> recorder) {
        List<String> both = rules.isEmpty() ? cellRules : cellRules.isEmpty() ? rules
                : rules.stream().filter(cellRules::contains).toList();
        return new CheckOptions(store, adapter, cellDir, profile, seed, cellOut, both, crash, recover, full,
                limits, direct, Optional.of(name), whyNoCrash, waivers, cellNotApplicable, recorder);
    }

    public SuiteSettings settings() {
        return SuiteSettings.from(key -> Optional.ofNullable(parameters().get(key)));
    }

    /** The store as named on the command line. */
    public String target() {
        return store.map(Object::toString).orElseGet(() -> adapter.orElse(""));
    }
}
