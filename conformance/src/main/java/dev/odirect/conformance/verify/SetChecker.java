package dev.odirect.conformance.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges what is on disk against what was acknowledged, like Jepsen's set checker: an object is
 * lost when acknowledged and then missing or different; unexpected when no key wrote it (a file of
 * the store's own, such as a temporary or lock file, reported for the CLEAN rules, never a loss);
 * recovered when written but never acknowledged (allowed either way).
 */
public final class SetChecker {
    private SetChecker() {
    }

    public record Verdict(List<String> lost, List<String> unexpected, List<String> recovered, int acknowledged,
                          String firstEvidence) {
        public boolean valid() {
            return lost.isEmpty();
        }

        public String describe() {
            return acknowledged + " acknowledged, " + lost.size() + " lost " + lost + ", " + unexpected.size()
                    + " unexpected " + unexpected + ", " + recovered.size() + " recovered " + recovered
                    + (firstEvidence.isEmpty() ? "" : System.lineSeparator() + "  first lost: " + firstEvidence);
        }
    }

    public static Verdict check(DiskView disk, Map<String, byte[]> acknowledged, Set<String> attempted) {
        List<String> lost = new ArrayList<>();
        String evidence = "";
        for (Map.Entry<String, byte[]> object : acknowledged.entrySet()) {
            Optional<byte[]> found = disk.read(object.getKey());
            Optional<String> difference = found.isEmpty()
                    ? Optional.of("missing (" + object.getValue().length + " bytes acknowledged)")
                    : Evidence.difference(object.getValue(), found.get());
            if (difference.isPresent()) {
                lost.add(object.getKey());
                evidence = evidence.isEmpty() ? object.getKey() + ": " + difference.get() : evidence;
            }
        }
        List<String> unexpected = new ArrayList<>();
        List<String> recovered = new ArrayList<>();
        for (String visible : disk.visibleObjects()) {
            if (attempted.contains(visible)) {
                recovered.add(visible);
            } else if (!acknowledged.containsKey(visible)) {
                unexpected.add(visible);
            }
        }
        return new Verdict(lost, unexpected, recovered, acknowledged.size(), evidence);
    }
}
