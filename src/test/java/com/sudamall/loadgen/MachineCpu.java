package com.sudamall.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the other processes on the machine that serve the load: PostgreSQL's and Redis's, read from
 * {@code /proc}, so a report can say which of them, not the service, was the limit.
 */
final class MachineCpu {

    private static final double TICKS_PER_SECOND = 100;

    private MachineCpu() {}

    /** CPU-seconds used so far by every process whose command name is {@code name}. */
    static double seconds(String name) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                            .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                            .mapToDouble(p -> ticks(p, name))
                            .sum()
                    / TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static double ticks(Path process, String name) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (!stat.substring(open + 1, close).equals(name)) {
                return 0;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
