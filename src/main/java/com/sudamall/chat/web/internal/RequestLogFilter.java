package com.sudamall.chat.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One structured log line per request: method, path, status, duration and user. The query string is left out on
 * purpose: WebSocket URLs carry {@code ?token=} and {@code ?ticket=}, and tokens never go into logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("com.sudamall.chat.requests");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            String path = request.getRequestURI();
            boolean probe = path.startsWith("/actuator/");
            if (!probe || log.isDebugEnabled()) {
                (probe ? log.atDebug() : log.atInfo())
                        .addKeyValue("method", request.getMethod())
                        .addKeyValue("path", path)
                        .addKeyValue("status", response.getStatus())
                        .addKeyValue("duration_ms", (System.nanoTime() - start) / 1_000_000)
                        .addKeyValue("user", currentUser())
                        .log("{} {} {}", request.getMethod(), path, response.getStatus());
            }
        }
    }

    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "-" : auth.getName();
    }
}
