package dev.odirect.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.odirect.conformance.suite.RuleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads cells from YAML (the defaults shipped in the jar, plus a user's file), resolving {@code extends}. */
public final class CellCatalog {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("fs", "kind", "mkfs", "mount", "sector", "size", "crash",
            "crash_reason", "upper", "holder", "full", "rules", "not_applicable", "checks_for_all", "extends");

    private CellCatalog() {
    }

    /** The default cells, then the user's file over them (same name: replaced). */
    public static Map<String, Cell> load(Optional<Path> userFile) {
        Map<String, ObjectNode> raw = new LinkedHashMap<>();
        try (InputStream defaults = CellCatalog.class.getResourceAsStream("cells.yaml")) {
            read(YAML.readTree(defaults), raw, "cells.yaml");
            if (userFile.isPresent()) {
                read(YAML.readTree(Files.readString(userFile.get())), raw, userFile.get().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cells: " + e.getMessage(), e);
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (String name : raw.keySet()) {
            cells.put(name, resolve(name, raw, new ArrayList<>()));
        }
        return cells;
    }

    private static void read(JsonNode tree, Map<String, ObjectNode> into, String source) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException(source + ": expected a map of cell names to settings");
        }
        tree.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isObject()) {
                throw new IllegalArgumentException(source + ": cell " + entry.getKey() + " must be a map of settings");
            }
            entry.getValue().fieldNames().forEachRemaining(key -> {
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException(source + ": cell " + entry.getKey() + " has unknown key '" + key
                            + "'; known keys: " + KEYS);
                }
            });
            into.put(entry.getKey(), (ObjectNode) entry.getValue());
        });
    }

    private static Cell resolve(String name, Map<String, ObjectNode> raw, List<String> chain) {
        if (chain.contains(name)) {
            throw new IllegalArgumentException("cells extend each other in a circle: " + chain + " -> " + name);
        }
        chain.add(name);
        ObjectNode settings = merged(name, raw, chain);
        String fs = settings.path("fs").asText(null);
        if (fs == null) {
            throw new IllegalArgumentException("cell " + name + " names no fs");
        }
        Cell.Kind kind = Cell.Kind.valueOf(settings.path("kind").asText("loop").toUpperCase(Locale.ROOT));
        List<String> mkfs = new ArrayList<>();
        settings.path("mkfs").forEach(option -> mkfs.add(option.asText()));
        List<String> rules = ruleIds(settings.path("rules"), name);
        List<String> checksForAll = ruleIds(settings.path("checks_for_all"), name);
        Map<String, String> notApplicable = new LinkedHashMap<>();
        settings.path("not_applicable").fields().forEachRemaining(entry ->
                notApplicable.put(known(entry.getKey(), name), entry.getValue().asText()));
        Optional<Cell> upper = kind == Cell.Kind.OVERLAY
                ? Optional.of(resolve(settings.path("upper").asText("ext4"), raw, new ArrayList<>(chain)))
                : Optional.empty();
        Optional<Cell> holder = settings.has("holder")
                ? Optional.of(resolve(settings.path("holder").asText(), raw, new ArrayList<>(chain)))
                : Optional.empty();
        boolean crash = settings.path("crash").asText("none").equals("shutdown");
        return new Cell(name, fs, kind, List.copyOf(mkfs), settings.path("mount").asText(""),
                settings.path("sector").asInt(512), size(settings.path("size").asText("256m"), name), crash,
                settings.path("crash_reason").asText(crash ? "" : "the cell defines no crash"), upper, holder,
                settings.path("full").asBoolean(false), rules, Map.copyOf(notApplicable), checksForAll);
    }

    private static List<String> ruleIds(JsonNode list, String cell) {
        List<String> ids = new ArrayList<>();
        list.forEach(rule -> ids.add(known(rule.asText(), cell)));
        return List.copyOf(ids);
    }

    private static String known(String rule, String cell) {
        if (RuleCatalog.rule(rule).isEmpty()) {
            throw new IllegalArgumentException("cell " + cell + " names unknown rule '" + rule + "': rules are "
                    + RuleCatalog.rules().keySet());
        }
        return rule;
    }

    private static ObjectNode merged(String name, Map<String, ObjectNode> raw, List<String> chain) {
        ObjectNode own = raw.get(name);
        if (own == null) {
            throw new IllegalArgumentException("unknown cell '" + name + "' (referred to by " + chain + ")");
        }
        if (!own.has("extends")) {
            return own.deepCopy();
        }
        String parent = own.get("extends").asText();
        if (chain.contains(parent)) {
            throw new IllegalArgumentException("cells extend each other in a circle: " + chain + " -> " + parent);
        }
        List<String> longer = new ArrayList<>(chain);
        longer.add(parent);
        ObjectNode base = merged(parent, raw, longer);
        own.fields().forEachRemaining(entry -> base.set(entry.getKey(), entry.getValue()));
        base.remove("extends");
        return base;
    }

    static long size(String text, String cell) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        long unit = switch (value.charAt(value.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        try {
            return Long.parseLong(unit == 1 ? value : value.substring(0, value.length() - 1)) * unit;
        } catch (NumberFormatException bad) {
            throw new IllegalArgumentException("cell " + cell + ": size '" + text + "' is not like 256m or 1g");
        }
    }
}
