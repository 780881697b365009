package com.sudamall.chat.identity.internal;

import com.sudamall.chat.web.RequestLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates the platform's backend by its service key ({@code Authorization: Bearer <key>}). */
class ServiceKeyFilter extends OncePerRequestFilter {

    static final String ROLE = "SERVICE";

    private final byte @Nullable [] key;

    ServiceKeyFilter(@Nullable String key) {
        this.key = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (key != null && header != null && header.startsWith("Bearer ")) {
            byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(given, key)) {
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                "platform", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
                RequestLog.user(request, "platform");
            }
        }
        chain.doFilter(request, response);
    }
}
