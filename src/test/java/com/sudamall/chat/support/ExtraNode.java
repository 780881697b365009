package com.sudamall.chat.support;

import com.sudamall.chat.ChatApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another node of the service, started in the test's JVM on a random port, on the same database (and the same Redis
 * when the run has one) as the test's own context.
 */
public final class ExtraNode implements AutoCloseable {

    private static final List<String> QUIET_ON_REFUSAL = List.of(
            "org.springframework.boot.SpringApplication",
            "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter",
            "org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger",
            "org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext");

    private final ConfigurableApplicationContext context;

    private ExtraNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static ExtraNode start() {
        return start(new String[0]);
    }

    /** A node with extra command-line arguments ({@code --name=value}), which outrank the test's own settings. */
    public static ExtraNode start(String... arguments) {
        TestDatabase db = TestDatabase.get();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.datasource.url", db.url());
        properties.put("spring.datasource.username", db.user());
        properties.put("spring.datasource.password", db.password());
        if (db.isPostgres()) {
            properties.put("spring.flyway.schemas", db.schema());
            properties.put("spring.flyway.default-schema", db.schema());
        }
        String redis = IntegrationTest.redisUrl();
        if (redis != null) {
            properties.put("chat.bus", "redis");
            properties.put("spring.data.redis.url", redis);
        }
        properties.put("spring.jmx.enabled", false);
        // as in IntegrationTest: tests send faster than any person
        properties.put("chat.rate-limits.enabled", false);
        properties.put("spring.datasource.hikari.minimum-idle", 2);
        properties.put("spring.datasource.hikari.idle-timeout", 10000);
        // a production node would switch the JVM's one console to JSON for every test after it
        properties.put("logging.structured.format.console", "");
        // as arguments, which outrank application.properties (builder properties would only be defaults)
        List<String> args = new ArrayList<>(properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toList());
        args.addAll(List.of(arguments));
        return new ExtraNode(new SpringApplicationBuilder(ChatApplication.class).run(args.toArray(String[]::new)));
    }

    /**
     * What stops a node with these arguments from starting: for tests of refusals, without the framework's
     * "Application run failed" stack trace in the test output (the failure is the test's to check).
     */
    public static Throwable refusal(String... arguments) {
        List<String> quiet = new ArrayList<>(List.of(arguments));
        for (String logger : QUIET_ON_REFUSAL) {
            quiet.add("--logging.level." + logger + "=OFF");
        }
        try {
            start(quiet.toArray(String[]::new)).close();
            throw new AssertionError("the node started with " + List.of(arguments));
        } catch (RuntimeException refused) {
            return refused;
        } finally {
            // the refused node set these on the JVM's one logging context: the running service logs them again
            for (String logger : QUIET_ON_REFUSAL) {
                ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(logger)).setLevel(null);
            }
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Shuts the node down as an operator's stop would. */
    @Override
    public void close() {
        context.close();
    }
}
