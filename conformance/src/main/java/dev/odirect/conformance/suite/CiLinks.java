package dev.odirect.conformance.suite;

import java.util.Map;
import java.util.Optional;

/**
 * Links a report can give from the CI it runs in: the CI run (GitLab {@code CI_JOB_URL}, GitHub
 * Actions {@code GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID}, Jenkins
 * {@code BUILD_URL}) and a rule's line in SPEC.md at the commit that ran (a path in the repository
 * where no CI says which repository and commit).
 */
public record CiLinks(Map<String, String> environment) {
    /** SPEC.md in the repository. */
    public static final String SPEC_PATH = "conformance/SPEC.md";

    public static CiLinks fromEnvironment() {
        return new CiLinks(System.getenv());
    }

    /** The URL of this CI run, when a known CI sets it. */
    public Optional<String> runUrl() {
        return get("CI_JOB_URL")
                .or(() -> get("GITHUB_RUN_ID").flatMap(run -> github().map(repo -> repo + "/actions/runs/" + run)))
                .or(() -> get("BUILD_URL"));
    }

    /** Where a rule's line of SPEC.md is: in the repository at the commit that ran, or its path. */
    public String specLine(int line) {
        String anchor = SPEC_PATH + "#L" + line;
        return get("GITHUB_SHA").flatMap(sha -> github().map(repo -> repo + "/blob/" + sha + "/" + anchor))
                .or(() -> get("CI_COMMIT_SHA").flatMap(sha -> get("CI_PROJECT_URL")
                        .map(project -> project + "/-/blob/" + sha + "/" + anchor)))
                .orElse(anchor);
    }

    private Optional<String> github() {
        return get("GITHUB_SERVER_URL").flatMap(server -> get("GITHUB_REPOSITORY").map(repo -> server + "/" + repo));
    }

    private Optional<String> get(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
