package dev.odirect.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A rule lives in one place: each SPEC.md line has exactly one test, named after it, where SPEC.md says. */
class SpecConsistencyTest {

    static Map<String, String> ruleMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(RuleCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/odirect/conformance/rules");
        Map<String, String> methods = new TreeMap<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Rules.class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                for (Method method : Class.forName("dev.odirect.conformance.rules." + name).getDeclaredMethods()) {
                    if (method.isAnnotationPresent(Test.class)) {
                        methods.put(name + "#" + method.getName(), method.getName());
                    }
                }
            }
        }
        return methods;
    }

    @Test
    void everyRuleHasExactlyOneTestWhereTheSpecSaysAndEveryTestHasARule() throws Exception {
        Map<String, String> methods = ruleMethods();
        List<String> problems = new ArrayList<>();
        RuleCatalog.rules().values().forEach(rule -> {
            if (!methods.containsKey(rule.test())) {
                problems.add(rule.id() + ": SPEC.md names " + rule.test() + ", which does not exist");
            }
        });
        methods.forEach((qualified, method) -> {
            var rule = RuleCatalog.forTestMethod(method);
            if (rule.isEmpty()) {
                problems.add(qualified + " is not named after a rule of SPEC.md");
            } else if (!rule.get().test().equals(qualified)) {
                problems.add(qualified + " checks " + rule.get().id() + " but SPEC.md names " + rule.get().test());
            } else if (RuleCatalog.claimedLevel(method).orElseThrow() != rule.get().level()) {
                problems.add(qualified + ": the prefix does not match " + rule.get().level());
            }
        });
        assertEquals(List.of(), problems);
        assertTrue(RuleCatalog.rules().size() >= 20, "the catalogue was read: " + RuleCatalog.rules().size());
    }
}
