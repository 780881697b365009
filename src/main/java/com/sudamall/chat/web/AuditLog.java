package com.sudamall.chat.web;

import com.sudamall.chat.web.internal.AuditRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The audit trail (moderator actions, privacy requests): stored in {@code audit_log} in the caller's transaction, so
 * an action and its record commit together, and logged to {@code com.sudamall.chat.audit}.
 */
@Service
public class AuditLog {

    /** The actor recorded for the platform's backend (the integration API's service key). */
    public static final String PLATFORM = "platform";

    private static final Logger log = LoggerFactory.getLogger("com.sudamall.chat.audit");

    private final AuditRepository entries;
    private final Clock clock;

    AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * One audit entry.
     *
     * @param id entry id
     * @param actor who acted: a user id, or {@link #PLATFORM}
     * @param action what they did, such as {@code privacy.erase}
     * @param targetType what kind of thing it was done to: {@code user}, {@code message}, {@code room}
     * @param targetId which one
     * @param reason why, or what came of it
     * @param createdAt when
     */
    public record Entry(
            UUID id,
            @Nullable String actor,
            String action,
            String targetType,
            String targetId,
            @Nullable String reason,
            Instant createdAt) {}

    public void record(String actor, String action, String targetType, String targetId, @Nullable String reason) {
        entries.insert(actor, action, targetType, targetId, reason, Timestamps.now(clock));
        log.info("{} {} {}:{}{}", actor, action, targetType, targetId, reason == null ? "" : " (" + reason + ")");
    }

    /** The newest entries, newest first. */
    public List<Entry> recent(int limit) {
        return entries.recent(limit);
    }

    /** The entries about one thing, oldest first. */
    public List<Entry> about(String targetType, String targetId) {
        return entries.about(targetType, targetId);
    }
}
