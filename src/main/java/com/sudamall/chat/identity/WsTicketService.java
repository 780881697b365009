package com.sudamall.chat.identity;

import com.sudamall.chat.identity.internal.WsTicketRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time WebSocket tickets: a short-lived random string exchanged for the caller's identity once, so long-lived
 * tokens stay out of URLs and access logs. Tickets live in the database, so any node redeems what any node issued.
 */
@Service
public class WsTicketService {

    /** How long a ticket may wait to be used. */
    public static final Duration TTL = Duration.ofSeconds(30);

    private final SecureRandom random = new SecureRandom();
    private final WsTicketRepository tickets;
    private final Clock clock;

    WsTicketService(WsTicketRepository tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    @Transactional
    public String issue(CurrentUser user) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.insert(hash(ticket), user, clock.instant().plus(TTL));
        return ticket;
    }

    /** The ticket's user, once: a second redemption, or one after expiry, finds nothing. */
    @Transactional
    public Optional<CurrentUser> redeem(String ticket) {
        return tickets.take(hash(ticket), clock.instant());
    }

    @Scheduled(fixedDelay = 60_000)
    void dropExpired() {
        tickets.deleteExpired(clock.instant());
    }

    /** Only hashes are stored: a leaked table opens no sockets. */
    private static String hash(String ticket) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
