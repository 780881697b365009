package com.sudamall.chat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sudamall.chat.support.TestDatabase;
import com.sudamall.loadgen.FaultReport;
import com.sudamall.loadgen.FaultSuite;
import com.sudamall.loadgen.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault suite at its short size (one round of each fault, a few seconds each, twelve clients): two nodes of the
 * service in processes of their own on the run's PostgreSQL and Redis, under steady load, through a Redis outage, a
 * PostgreSQL outage, a node killed and a node shut down. Nothing acked may be lost or stored twice, every client
 * must end up with every message of its room, and each fault must really have hit (error frames while PostgreSQL
 * was away, reconnects when a node went). Runs on the PostgreSQL run of CI; {@code bench/run faults} is the soak.
 */
class FaultSuiteIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(FaultSuiteIntegrationTests.class);

    @Test
    void acknowledgedMessagesSurviveEveryFaultExactlyOnce() throws Exception {
        String redis = System.getenv("CHAT_TEST_REDIS_URL");
        assumeTrue(TestDatabase.get().isPostgres() && redis != null && !redis.isBlank(), "needs PostgreSQL and Redis");

        FaultReport report = FaultSuite.run(
                Options.parse(
                        "--quick",
                        "--db-url=" + System.getenv("CHAT_TEST_POSTGRES_URL"),
                        "--db-user=" + TestDatabase.get().user(),
                        "--redis-url=" + redis,
                        "--schema=" + TestDatabase.get().schema() + "_faults",
                        "--out=" + Path.of("target/faults-smoke")),
                log::info);

        assertThat(report.rows())
                .extracting(FaultReport.Row::fault)
                .containsExactly(
                        "Redis stopped and restarted",
                        "PostgreSQL restarted",
                        "node killed (kill -9)",
                        "node shut down (SIGTERM)");
        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.sent()).as(row.fault()).isPositive();
            assertThat(row.lost()).as(row.fault()).isZero();
            assertThat(row.duplicated()).as(row.fault()).isZero();
            assertThat(row.recoveryMillis()).as(row.fault()).isNotNegative();
        });
        assertThat(report.total().lost()).isZero();
        assertThat(report.total().duplicated()).isZero();
        assertThat(report.total().unacked()).isZero();
        assertThat(report.missedByReceivers()).isZero();
        assertThat(row(report, "PostgreSQL restarted").errorFrames()).isPositive();
        assertThat(row(report, "node killed (kill -9)").reconnects()).isPositive();
        assertThat(row(report, "node shut down (SIGTERM)").reconnects()).isPositive();
        assertThat(Path.of("target/faults-smoke/faults.md")).exists();
    }

    private static FaultReport.Row row(FaultReport report, String fault) {
        return report.rows().stream()
                .filter(row -> row.fault().equals(fault))
                .findFirst()
                .orElseThrow();
    }
}
