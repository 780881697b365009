/**
 * The load generator: a separate program in the same artifact (outside the service's modules), run by
 * {@code bench/run}. It starts the service (and, for the ceiling, a bare broadcast server) as child processes on
 * loopback, drives them through real HTTP and WebSocket clients, and writes a JSON report and SVG charts.
 */
@NullMarked
package com.sudamall.loadgen;

import org.jspecify.annotations.NullMarked;
