package dev.odirect.reports.verdict;

import dev.odirect.reports.verdict.RunView.RuleView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Failures grouped by their likely root cause: the same size signature ("expected 4096 bytes, found 0
 * bytes"), the same first differing offset, or else the same observation with keys and numbers taken
 * out, so one bug failing in eight cells reads as one group of eight, not eight bugs.
 */
final class FailureGroups {
    private static final Pattern SIZES = Pattern.compile("expected (\\d+) bytes, found (\\d+) bytes");
    private static final Pattern OFFSET = Pattern.compile("first difference at offset (\\d+)");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final int LONGEST_SIGNATURE = 200;

    private FailureGroups() {
    }

    /** Signature to its failures, the largest group first. */
    static Map<String, List<RuleView>> of(List<RuleView> failures) {
        Map<String, List<RuleView>> groups = failures.stream()
                .collect(Collectors.groupingBy(FailureGroups::signature, LinkedHashMap::new, Collectors.toList()));
        return groups.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    static String signature(RuleView failure) {
        String reason = failure.reason();
        Matcher sizes = SIZES.matcher(reason);
        Matcher offset = OFFSET.matcher(reason);
        Optional<String> bySize = sizes.find()
                ? Optional.of("expected " + sizes.group(1) + " bytes, found " + sizes.group(2) + " bytes") : Optional.empty();
        Optional<String> byOffset = offset.find() ? Optional.of("first difference at offset " + offset.group(1)) : Optional.empty();
        if (bySize.isPresent() || byOffset.isPresent()) {
            return Stream.of(bySize, byOffset).flatMap(Optional::stream).collect(Collectors.joining("; "));
        }
        String shape = NUMBER.matcher(QUOTED.matcher(reason.lines().findFirst().orElse("")).replaceAll("\"…\"")).replaceAll("N");
        return shape.length() > LONGEST_SIGNATURE ? shape.substring(0, LONGEST_SIGNATURE) + "…" : shape;
    }
}
