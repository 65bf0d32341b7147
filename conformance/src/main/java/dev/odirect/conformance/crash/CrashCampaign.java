package dev.odirect.conformance.crash;

import dev.odirect.conformance.suite.Profile;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.conformance.suite.RuleFailure;
import dev.odirect.conformance.suite.RuleNotRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The crash workload run once on a recorded device and every chosen crash state checked; the
 * durability rules (DURABLE-1, DURABLE-3, DURABLE-4) and CLEAN-3 each judge the same campaign by
 * their part of the verdicts.
 */
public record CrashCampaign(CrashHistory history, Exploration exploration, String root) {
    /** Seeded random crash states beyond those the history calls for. */
    static int randomStates(Profile profile) {
        return profile == Profile.THOROUGH ? 1000 : 8;
    }

    /** The campaign of this run's recorded device, run now if no rule ran it yet; empty without a recorder. */
    public static Optional<CrashCampaign> of(RuleContext ctx) {
        Optional<String> id = ctx.settings().crashRecorder();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        CrashRecorder recorder = CrashRecorders.find(id.get()).orElseThrow(() -> new IllegalStateException(
                "no recorded device " + id.get() + " in this process"));
        synchronized (recorder) {
            Optional<CrashCampaign> done = CrashRecorders.campaign(id.get());
            if (done.isPresent()) {
                return done;
            }
            Optional<CrashRecorders.Failure> earlier = CrashRecorders.failure(id.get());
            if (earlier.isPresent() && earlier.get().storesFault()) {
                throw ctx.failure(earlier.get().why());
            }
            if (earlier.isPresent()) {
                throw new RuleNotRun(earlier.get().why());
            }
            try {
                CrashCampaign campaign = run(ctx, recorder);
                CrashRecorders.keep(id.get(), campaign);
                return Optional.of(campaign);
            } catch (java.io.UncheckedIOException environment) {
                String why = "the crash states could not be explored: " + environment.getMessage();
                CrashRecorders.failed(id.get(), new CrashRecorders.Failure(why, false));
                throw new RuleNotRun(why);
            } catch (RuntimeException failed) {
                Optional<String> trouble = recorder.trouble();
                CrashRecorders.failed(id.get(), trouble.map(why -> new CrashRecorders.Failure(why, false))
                        .orElseGet(() -> new CrashRecorders.Failure("the store failed during the crash workload: "
                                + RuleFailure.valueIn(failed).map(failure -> failure.observation().what()).orElse(String.valueOf(failed)), true)));
                if (trouble.isPresent()) {
                    throw new RuleNotRun(trouble.get());
                }
                throw failed;
            }
        }
    }

    private static CrashCampaign run(RuleContext ctx, CrashRecorder recorder) {
        CrashHistory history = new CrashHistory(recorder);
        Path root = ctx.root();
        int from = recorder.begin("workload begins in " + root);
        new CrashWorkload(ctx, history).run(CrashWorkload.rounds(ctx.profile()));
        ctx.closeSession();
        int to = history.mark("workload ends, session closed");
        CrashPoints points = history.points(from, to, ctx.seed(), randomStates(ctx.profile()));
        Exploration exploration = recorder.explore(points, new ReopenCheck(history, ctx.settings().target(), recorder, root),
                (done, of) -> ctx.progress(of).accept(done));
        return new CrashCampaign(history, exploration, root.toString());
    }

    /** The states the filesystem left intact with findings of one kind, first ones first. */
    public List<Exploration.Judged> failing(Function<StateVerdict, List<String>> findings) {
        return exploration.states().stream().filter(judged -> !judged.damaged())
                .filter(judged -> !findings.apply(judged.verdict()).isEmpty()).toList();
    }

    /** The states with findings of one kind that the filesystem's own checker found damaged. */
    public List<Exploration.Judged> failingWhereDamaged(Function<StateVerdict, List<String>> findings) {
        return exploration.states().stream().filter(Exploration.Judged::damaged)
                .filter(judged -> !findings.apply(judged.verdict()).isEmpty()).toList();
    }

    /** The states that could not be checked. */
    public List<Exploration.Judged> unchecked() {
        return exploration.states().stream().filter(judged -> !judged.verdict().checked()).toList();
    }

    /** Everything a person needs about one failing state. */
    public String evidence(Exploration.Judged judged, Function<StateVerdict, List<String>> findings) {
        String nl = System.lineSeparator();
        List<String> found = findings.apply(judged.verdict());
        int failing = failing(findings).size();
        return failing + " of " + exploration.explored() + " crash states of " + exploration.device() + " fail; the first: "
                + judged.state() + nl + "    " + String.join(nl + "    ", found)
                + nl + "    strays as the crash left them: " + judged.verdict().strays()
                + nl + "    operations before the crash (log marks):" + history.before(judged.state().point())
                + nl + "    block log: " + exploration.log()
                + nl + "    mount this state: " + judged.state().replay();
    }
}
