package com.sudamall.chat.realtime.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browser origins may open WebSockets (API.md {@code chat.allowed-origins}). The service's own origin is always
 * allowed, and requests without an {@code Origin} header (non-browser clients) too.
 *
 * @param allowedOrigins origin patterns, e.g. {@code https://www.sudamall.com}, {@code http://localhost:*}
 */
@ConfigurationProperties("chat")
record OriginProperties(@DefaultValue List<String> allowedOrigins) {}
