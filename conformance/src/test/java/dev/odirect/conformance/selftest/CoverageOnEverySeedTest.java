package dev.odirect.conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.odirect.conformance.property.PropertyPlan;
import dev.odirect.conformance.property.Sizes;
import dev.odirect.conformance.rules.RuleProperties;
import dev.odirect.conformance.suite.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A correct store never fails a property on coverage, whatever the seed: the generators and
 * classifiers of every property that declares coverage, run by the property runner with checks that
 * always pass (no store), reach every required class on each of 10,000 seeds.
 */
class CoverageOnEverySeedTest {
    static final int SEEDS = 10_000;

    /**
     * Quick runs every try, as the gate does. Thorough runs the tries made for the classes: the runner
     * settles coverage right after them, before its random tries, which would take an hour here.
     */
    static Stream<Arguments> propertiesWithCoverage() {
        return Stream.of(Profile.values()).flatMap(profile -> {
            Stream<Arguments> writes = Stream.of(1, 512, 4096).flatMap(alignment -> Stream.of(
                    RuleProperties.streams(new Sizes(alignment), profile, input -> { }),
                    RuleProperties.objects(new Sizes(alignment), profile, input -> { }))
                    .map(plan -> arguments(plan, profile, "alignment " + alignment)));
            // the classes of sequences do not depend on sizes
            PropertyPlan<?> sequences = RuleProperties.sequences(new Sizes(4096), profile, true, true, ops -> { });
            return Stream.concat(writes, Stream.of(arguments(sequences, profile, "any alignment")));
        });
    }

    private static Arguments arguments(PropertyPlan<?> plan, Profile profile, String alignment) {
        PropertyPlan<?> tried = profile == Profile.QUICK ? plan : new PropertyPlan<>(plan.property(), 0);
        return Arguments.of(plan.property().name(), profile, alignment, tried);
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @MethodSource("propertiesWithCoverage")
    void everySeedReachesEveryRequiredClass(String property, Profile profile, String alignment, PropertyPlan<?> plan) {
        List<String> failures = new ArrayList<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            try {
                plan.run(seed, done -> { });
            } catch (AssertionError coverage) {
                failures.add(coverage.getMessage());
            }
        }
        assertEquals(List.of(), failures.stream().limit(3).toList(), failures.size() + " of " + SEEDS + " seeds failed");
    }
}
