package com.sudamall.chat.moderation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits per user, as token buckets (a burst up to the limit, refilled steadily).
 *
 * @param enabled whether to limit at all
 * @param messagesPerSecond messages (and edits) a user may send in one second
 * @param messagesPerMinute ... in one minute
 * @param roomsPerHour rooms a user may open in one hour
 * @param connectsPerMinute WebSockets a user may open in one minute
 */
@ConfigurationProperties("chat.rate-limits")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") int messagesPerSecond,
        @DefaultValue("120") int messagesPerMinute,
        @DefaultValue("60") int roomsPerHour,
        @DefaultValue("60") int connectsPerMinute) {}
