package dev.odirect.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The comparison for tools, in the snake_case of summary.json and matrix.json. */
public final class ComparisonJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private ComparisonJson() {
    }

    public static String render(Comparison comparison) {
        try {
            return JSON.writeValueAsString(comparison) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("the comparison's records always serialize", impossible);
        }
    }
}
