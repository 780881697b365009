package com.sudamall.chat.notification.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Missed-message alerts (e-mail, and the {@code notification.missed} webhook).
 *
 * @param enabled whether to look for missed messages at all
 * @param delay how long a message stays unread, with the user offline, before it is alerted
 * @param minInterval at most one alert per user in this time
 * @param lookback messages older than this never cause an alert (nor a flood of them when alerts are turned on)
 * @param scanInterval how often users are looked at
 * @param from the e-mail's sender
 * @param link the web client's address, linked from the e-mail; none when empty
 * @param previews messages quoted per room
 */
@ConfigurationProperties("chat.alerts")
record AlertProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("15m") Duration delay,
        @DefaultValue("1h") Duration minInterval,
        @DefaultValue("2d") Duration lookback,
        @DefaultValue("1m") Duration scanInterval,

        @DefaultValue("Sudamall Chat <chat@sudamall.example>")
        String from,

        @Nullable String link,
        @DefaultValue("3") int previews) {}
