package com.sudamall.chat.web.internal;

import com.sudamall.chat.web.RequestLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One structured log line per request: method, path, status, duration and user. The query string is left out on
 * purpose: WebSocket URLs carry {@code ?token=} and {@code ?ticket=}, and tokens never go into logs.
 *
 * <p>Every request has an id: the caller's {@code X-Request-Id} when it is a plausible one (a load balancer's or the
 * platform's, so one id follows the request across systems), else a fresh one. It is in every log line written
 * while the request is handled (MDC {@code request_id}) and is echoed in the response, so a user's report can be
 * matched to the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("com.sudamall.chat.requests");
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        String requestId = requestId(request.getHeader(HEADER));
        MDC.put(MDC_KEY, requestId);
        response.setHeader(HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            String path = request.getRequestURI();
            boolean probe = path.startsWith("/actuator/");
            if (!probe || log.isDebugEnabled()) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                String user = Objects.requireNonNullElse(RequestLog.userOf(request), "-");
                (probe ? log.atDebug() : log.atInfo())
                        .addKeyValue("method", request.getMethod())
                        .addKeyValue("path", path)
                        .addKeyValue("status", response.getStatus())
                        .addKeyValue("duration_ms", millis)
                        .addKeyValue("user", user)
                        .log("{} {} {} {} ms user={}", request.getMethod(), path, response.getStatus(), millis, user);
            }
            MDC.remove(MDC_KEY);
        }
    }

    /** The caller's id if it cannot smuggle anything into a log line, else a new one. */
    private static String requestId(@Nullable String given) {
        return given != null && PLAUSIBLE_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
    }
}
