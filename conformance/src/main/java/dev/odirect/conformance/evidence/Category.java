package dev.odirect.conformance.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a failure is, decided from the failure's fields, never from its text. Each has a stable
 * token: the Allure trace of a failure starts with {@link #traceLine()}, and {@code categories.json}
 * matches that line alone.
 */
public enum Category {
    WRONG_SIZE("wrong-size", "Wrong size",
            "An acknowledged object has another size than the bytes sent (padding, lost tail, lost blocks)."),
    PERSISTENCE_LOSS("persistence-loss", "Persistence loss",
            "An acknowledged object is missing or holds other bytes than those sent, at the right size."),
    LOST_AFTER_CRASH("lost-after-crash", "Durability loss after crash",
            "Acknowledged objects were missing, different or torn after the filesystem was crashed and mounted again."),
    NOT_SYNCED("not-synced", "Acknowledged before synced",
            "An object's pages were dirty or under writeback when the store answered ok: no fsync or fdatasync first."),
    NOT_DIRECT("not-direct", "Not really direct",
            "Acknowledged O_DIRECT data was found in the page cache: the writes or reads were buffered."),
    MISALIGNMENT("misalignment", "Misalignment error",
            "An operation was refused with EINVAL, the error O_DIRECT gives for misaligned memory, offsets or lengths."),
    WRONG_ANSWER("wrong-answer", "Wrong answer",
            "The store answered ok where an error is required, another error, or other data than a correct store."),
    SESSION_BROKE("session-broke", "Adapter protocol error",
            "The adapter died, went silent or answered with something else than the protocol, or the store threw.");

    /** Allure status of a SHOULD rule that does not hold: out of the failed count. */
    public static final String WARNING_STATUS = "unknown";
    /** Allure status of the suite's own error (a generator that misses a coverage class, say): only these are broken. */
    public static final String SUITE_ERROR_STATUS = "broken";
    private static final String TOKEN_PREFIX = "odirect-category: ";

    private final String token;
    private final String title;
    private final String description;

    Category(String token, String title, String description) {
        this.token = token;
        this.title = title;
        this.description = description;
    }

    public String token() {
        return token;
    }

    public String title() {
        return title;
    }

    /** The first line of the Allure trace of a failure of this category. */
    public String traceLine() {
        return TOKEN_PREFIX + token;
    }

    /** Allure's {@code categories.json}: one entry per category, then warnings, suite errors, not run, not applicable. */
    public static ArrayNode allureCategories(ObjectMapper json, String notApplicableType) {
        ArrayNode categories = json.createArrayNode();
        for (Category category : values()) {
            entry(categories, category.title, category.description, List.of("failed"))
                    .put("traceRegex", "(?s)" + java.util.regex.Pattern.quote(category.traceLine()) + "\\R.*");
        }
        entry(categories, "SHOULD not met (warning)", "A SHOULD rule does not hold: a warning, not counted as failed.",
                List.of(WARNING_STATUS));
        entry(categories, "Suite error", "The suite itself failed (a generator that no longer reaches a coverage "
                + "class, a root it could not make): not the store's fault; the rule is not proven.", List.of(SUITE_ERROR_STATUS));
        String notApplicable = java.util.regex.Pattern.quote(notApplicableType);
        entry(categories, "Not run: not proven", "The rule applies but could not be checked here (no crash hook, no "
                + "small filesystem, a cell that could not be made): not proven unless the rule is waived.",
                List.of("skipped")).put("traceRegex", "(?s)(?!" + notApplicable + "\\b).*");
        entry(categories, "Not applicable", "The store does not offer what the rule is about, or the cell cannot have "
                + "it (a memory-only filesystem and a crash): nothing is left unproven.", List.of("skipped"))
                .put("traceRegex", "(?s)" + notApplicable + "\\b.*");
        return categories;
    }

    private static ObjectNode entry(ArrayNode categories, String name, String description, List<String> statuses) {
        ObjectNode entry = categories.addObject().put("name", name).put("description", description);
        statuses.forEach(entry.putArray("matchedStatuses")::add);
        return entry;
    }
}
