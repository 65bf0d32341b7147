package dev.odirect.conformance.crash;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The recorded devices of this process, by id: the fs-matrix registers a cell's recorder and
 * names it in the check's settings ({@code SuiteSettings.crashRecorder()}), the rules find it here.
 * Each recorder keeps the one crash campaign its rules share.
 */
public final class CrashRecorders {
    /** The rules that use a recorded device: a cell that runs none of them needs no recorder. */
    public static final Set<String> RULES = Set.of("DURABLE-1", "DURABLE-3", "DURABLE-4", "ERROR-3",
            "CLEAN-3");

    private static final Map<String, CrashRecorder> RECORDERS = new ConcurrentHashMap<>();
    private static final Map<String, CrashCampaign> CAMPAIGNS = new ConcurrentHashMap<>();
    private static final Map<String, Failure> FAILURES = new ConcurrentHashMap<>();

    /** Why a campaign could not be run: the store's fault (its rules fail) or the environment's (they are not run). */
    public record Failure(String why, boolean storesFault) {
    }
    private static final AtomicInteger NEXT = new AtomicInteger();

    private CrashRecorders() {
    }

    public static String register(CrashRecorder recorder) {
        String id = "recorder-" + NEXT.incrementAndGet();
        RECORDERS.put(id, recorder);
        return id;
    }

    public static void unregister(String id) {
        RECORDERS.remove(id);
        CAMPAIGNS.remove(id);
        FAILURES.remove(id);
    }

    /** Why the campaign on this recorder could not be run, if it could not. */
    static Optional<Failure> failure(String id) {
        return Optional.ofNullable(FAILURES.get(id));
    }

    static void failed(String id, Failure why) {
        FAILURES.put(id, why);
    }

    public static Optional<CrashRecorder> find(String id) {
        return Optional.ofNullable(RECORDERS.get(id));
    }

    /** The campaign already run on this recorder, if any. */
    static Optional<CrashCampaign> campaign(String id) {
        return Optional.ofNullable(CAMPAIGNS.get(id));
    }

    static void keep(String id, CrashCampaign campaign) {
        CAMPAIGNS.put(id, campaign);
    }
}
