package com.sudamall.chat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.loadgen.LoadGenerator;
import com.sudamall.loadgen.Options;
import com.sudamall.loadgen.Report;
import com.sudamall.loadgen.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load generator, for a few seconds of tiny load against this test's service: messages flow through real
 * sockets, sockets dropped at once catch up with resume, and the report is written. Speed is measured by the benchmark itself, never here.
 */
class BenchmarkSmokeIntegrationTests extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkSmokeIntegrationTests.class);

    @Test
    void aQuickRunDeliversMessagesAndWritesTheReport() throws Exception {
        Path out = Path.of("target/bench-smoke-" + (redisUrl() == null ? "in-process" : "redis"));
        Report report = LoadGenerator.run(
                Options.parse(
                        "--target=http://127.0.0.1:" + port,
                        "--quick",
                        "--scenarios=pairs,group,storm",
                        "--out=" + out),
                log::info);

        assertThat(report.steps()).extracting(Step::scenario).contains("pairs", "group", "storm");
        assertThat(report.steps()).allSatisfy(step -> {
            assertThat(step.delivered()).isPositive();
            assertThat(step.duplicates()).isZero();
        });
        // every socket dropped and reconnected with after_seq: nothing missed, nothing doubled
        assertThat(report.steps())
                .filteredOn(step -> step.scenario().equals("storm"))
                .singleElement()
                .satisfies(storm -> assertThat(storm.lost()).isZero());
        assertThat(out.resolve("report.json")).exists();
        assertThat(Files.readString(out.resolve("pairs.svg"))).startsWith("<svg");
        assertThat(Files.readString(out.resolve("results.md"))).contains("| external |");
    }
}
