package com.sudamall.chat.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * One-time WebSocket tickets: a short-lived random string exchanged for the caller's identity once, so long-lived
 * tokens stay out of URLs and access logs.
 */
@Service
public class WsTicketService {

    /** How long a ticket may wait to be used. */
    public static final Duration TTL = Duration.ofSeconds(30);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    WsTicketService(Clock clock) {
        this.clock = clock;
    }

    private record Pending(CurrentUser user, Instant expiresAt) {}

    public String issue(CurrentUser user) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(ticket, new Pending(user, clock.instant().plus(TTL)));
        return ticket;
    }

    /** The ticket's user, once: a second redemption, or one after expiry, finds nothing. */
    public Optional<CurrentUser> redeem(String ticket) {
        Pending found = pending.remove(ticket);
        return found == null || found.expiresAt().isBefore(clock.instant())
                ? Optional.empty()
                : Optional.of(found.user());
    }

    @Scheduled(fixedDelay = 60_000)
    void dropExpired() {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.expiresAt().isBefore(now));
    }
}
