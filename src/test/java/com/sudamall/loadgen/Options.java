package com.sudamall.loadgen;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code --name=value} pairs, each with a default for the full benchmark; {@code --quick} shrinks
 * every scenario to a few seconds of tiny load (the smoke test's).
 */
public record Options(Map<String, String> values, boolean quick) {

    public static Options parse(String... args) {
        Map<String, String> values = new HashMap<>();
        boolean quick = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (use --name=value or --quick)");
            }
        }
        return new Options(values, quick);
    }

    String get(String name, String full, String quickValue) {
        return values.getOrDefault(name, quick ? quickValue : full);
    }

    int number(String name, int full, int quickValue) {
        return Integer.parseInt(get(name, Integer.toString(full), Integer.toString(quickValue)));
    }

    List<String> list(String name, String full, String quickValue) {
        return Arrays.stream(get(name, full, quickValue).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    List<Double> rates(String name, String full, String quickValue) {
        return list(name, full, quickValue).stream().map(Double::parseDouble).toList();
    }

    Path out() {
        return Path.of(get("out", "target/bench", "target/bench-smoke"));
    }
}
