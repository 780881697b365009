package com.sudamall.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The results: {@code report.json}, one SVG chart per scenario, and {@code results.md} (tables, charts embedded). */
public final class Report {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Double> heapPerSocket = new LinkedHashMap<>();
    private final Map<String, Object> about = new LinkedHashMap<>();

    void add(List<Step> more) {
        steps.addAll(more);
    }

    void heapPerSocket(String server, double bytes) {
        heapPerSocket.put(server, bytes);
    }

    void about(String key, Object value) {
        about.put(key, value);
    }

    public List<Step> steps() {
        return steps;
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("about", about);
        json.put("steps", steps);
        json.put("heap_bytes_per_idle_socket", heapPerSocket);
        Files.writeString(dir.resolve("report.json"), JSON.writeValueAsString(json));
        StringBuilder md = new StringBuilder();
        for (String scenario : List.of("pairs", "group", "history")) {
            List<Step> of =
                    steps.stream().filter(s -> s.scenario().equals(scenario)).toList();
            if (of.isEmpty()) {
                continue;
            }
            boolean fanOut = scenario.equals("group");
            boolean pages = scenario.equals("history");
            ToDoubleFunction<Step> x = fanOut ? Step::deliveriesPerSecond : Step::messagesPerSecond;
            String xLabel = fanOut ? "deliveries/s" : pages ? "pages/s" : "messages/s";
            Files.writeString(dir.resolve(scenario + ".svg"), chart(scenario, of, x, xLabel));
            md.append("### ")
                    .append(scenario)
                    .append("\n\n![")
                    .append(scenario)
                    .append("](")
                    .append(scenario)
                    .append(".svg)\n\n");
            md.append(
                    pages
                            ? "| server | target/s | pages/s | pages answered/s | p50 ms | p90 ms | p99 ms | max ms |"
                                    + " failed | - | server CPU-s per 1k pages | server CPU | PostgreSQL CPU |"
                                    + " Redis CPU | loadgen CPU |\n"
                            : "| server | target/s | messages/s | deliveries/s | p50 ms | p90 ms | p99 ms | max ms |"
                                    + " lost | dup | server CPU-s per 1k msgs | server CPU | PostgreSQL CPU |"
                                    + " Redis CPU | loadgen CPU |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Step s : of) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %.0f | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d | %.3f | %.0f%% | %.0f%% | %.0f%% | %.0f%% |%n",
                        s.server(),
                        s.targetRate(),
                        s.messagesPerSecond(),
                        s.deliveriesPerSecond(),
                        s.p50Millis(),
                        s.p90Millis(),
                        s.p99Millis(),
                        s.maxMillis(),
                        s.lost(),
                        s.duplicates(),
                        s.serverCpuPer1000(),
                        s.serverCpuShare() * 100,
                        s.databaseCpuShare() * 100,
                        s.redisCpuShare() * 100,
                        s.loadgenCpuShare() * 100));
            }
            md.append('\n');
        }
        List<Step> storms =
                steps.stream().filter(s -> s.scenario().equals("storm")).toList();
        if (!storms.isEmpty()) {
            md.append("### storm\n\n| server | messages/s | deliveries expected | missed | doubled |"
                    + " caught up p50 ms | p90 ms | p99 ms | all caught up ms | server CPU | PostgreSQL CPU |"
                    + " Redis CPU | loadgen CPU |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Step s : storms) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %.0f | %d | %d | %d | %.0f | %.0f | %.0f | %.0f | %.0f%% | %.0f%% | %.0f%% | %.0f%% |%n",
                        s.server(),
                        s.messagesPerSecond(),
                        s.expected(),
                        s.lost(),
                        s.duplicates(),
                        s.p50Millis(),
                        s.p90Millis(),
                        s.p99Millis(),
                        s.maxMillis(),
                        s.serverCpuShare() * 100,
                        s.databaseCpuShare() * 100,
                        s.redisCpuShare() * 100,
                        s.loadgenCpuShare() * 100));
            }
            md.append('\n');
        }
        if (!heapPerSocket.isEmpty()) {
            md.append("### idle\n\n| server | heap per socket |\n|---|---|\n");
            heapPerSocket.forEach((server, bytes) ->
                    md.append(String.format(Locale.ROOT, "| %s | %.1f KB |%n", server, bytes / 1024)));
            md.append('\n');
        }
        Files.writeString(dir.resolve("results.md"), md.toString());
    }

    /** p99 latency against throughput, one line per server. */
    private static String chart(String title, List<Step> steps, ToDoubleFunction<Step> x, String xLabel) {
        int width = 640, height = 360, left = 60, bottom = 40, top = 30, right = 130;
        double maxX = Math.max(1, steps.stream().mapToDouble(x).max().orElse(1)) * 1.05;
        double maxY =
                Math.max(1, steps.stream().mapToDouble(Step::p99Millis).max().orElse(1)) * 1.1;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width,
                height));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"18\" font-size=\"13\">%s: p99 latency (ms) by %s</text>%n",
                left,
                title,
                xLabel));
        int plotW = width - left - right, plotH = height - top - bottom;
        svg.append(String.format(
                Locale.ROOT,
                "<path d=\"M%d %d V%d H%d\" stroke=\"black\" fill=\"none\"/>%n",
                left,
                top,
                top + plotH,
                left + plotW));
        for (int i = 0; i <= 4; i++) {
            double vy = maxY * i / 4, vx = maxX * i / 4;
            double py = top + plotH - plotH * i / 4.0, px = left + plotW * i / 4.0;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.0f\" text-anchor=\"end\">%.0f</text>%n"
                            + "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">%.0f</text>%n",
                    left - 4,
                    py + 4,
                    vy,
                    px,
                    top + plotH + 16,
                    vx));
        }
        List<String> servers = steps.stream().map(Step::server).distinct().toList();
        for (int i = 0; i < servers.size(); i++) {
            String server = servers.get(i);
            String color = COLORS[i % COLORS.length];
            StringBuilder path = new StringBuilder();
            for (Step s : steps.stream().filter(s -> s.server().equals(server)).toList()) {
                double px = left + plotW * x.applyAsDouble(s) / maxX;
                double py = top + plotH - plotH * s.p99Millis() / maxY;
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
                svg.append(String.format(
                        Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py, color));
            }
            svg.append(String.format(
                    Locale.ROOT, "<path d=\"%s\" stroke=\"%s\" fill=\"none\" stroke-width=\"2\"/>%n", path, color));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
                    left + plotW + 10,
                    top + 14 + i * 16,
                    color,
                    server));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n</svg>%n",
                left + plotW / 2,
                height - 6,
                xLabel));
        return svg.toString();
    }
}
