package dev.odirect.reports.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each test case is in the single-file Allure report ({@code report/index.html}): Allure gives
 * every generated report new random uids, so they are read from the report itself, by history id
 * (one per rule and cell, see AllureLabels), which the suite sets and the report keeps.
 */
final class AllureCaseIndex {
    /** The single-file report embeds each data file as {@code d('data/test-cases/UID.json','BASE64')}. */
    private static final Pattern TEST_CASE = Pattern.compile("d\\('data/test-cases/([0-9a-f]+)\\.json','([A-Za-z0-9+/=]+)'\\)");
    static final String REPORT = "report/index.html";

    private final Map<String, String> uidByHistoryId;

    private AllureCaseIndex(Map<String, String> uidByHistoryId) {
        this.uidByHistoryId = uidByHistoryId;
    }

    /** An index of the report under {@code out}; empty when no report was generated. */
    static AllureCaseIndex of(Path out, ObjectMapper json) throws IOException {
        Path report = out.resolve(REPORT);
        Map<String, String> uids = new HashMap<>();
        if (Files.isRegularFile(report)) {
            Matcher found = TEST_CASE.matcher(Files.readString(report));
            while (found.find()) {
                JsonNode testCase = json.readTree(Base64.getDecoder().decode(found.group(2)));
                uids.put(testCase.path("historyId").asText(), found.group(1));
            }
        }
        return new AllureCaseIndex(uids);
    }

    /** The test case's address relative to the results folder, e.g. report/index.html#testresult/9551d4f63050a518. */
    Optional<String> link(String historyId) {
        return Optional.ofNullable(uidByHistoryId.get(historyId)).map(uid -> REPORT + "#testresult/" + uid);
    }

    boolean isEmpty() {
        return uidByHistoryId.isEmpty();
    }
}
