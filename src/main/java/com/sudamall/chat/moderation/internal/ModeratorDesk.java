package com.sudamall.chat.moderation.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageModeration;
import com.sudamall.chat.moderation.internal.FlagRepository.QueuedFlag;
import com.sudamall.chat.web.AuditLog;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.TimeCursor;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderators' work: the flag queue, decisions on messages and mutes, each written to the audit log with who,
 * when and why, in the transaction that makes it.
 */
@Service
class ModeratorDesk {

    private static final int CONTEXT = 2;
    private static final int MAX_REASON = 500;
    static final int MAX_MUTE_MINUTES = 60 * 24 * 365;

    private final FlagRepository flags;
    private final ConductRepository conduct;
    private final ConductRules rules;
    private final MessageModeration messages;
    private final UserService users;
    private final AuditLog audit;
    private final Clock clock;

    ModeratorDesk(
            FlagRepository flags,
            ConductRepository conduct,
            ConductRules rules,
            MessageModeration messages,
            UserService users,
            AuditLog audit,
            Clock clock) {
        this.flags = flags;
        this.conduct = conduct;
        this.rules = rules;
        this.messages = messages;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A flag in the queue.
     *
     * @param id flag id
     * @param message the message, as moderators see it
     * @param context messages around it
     * @param reason the first reason given
     * @param source {@code user} or {@code filter}
     * @param reporters who reported it (none for the filters)
     * @param status open, approved, rejected or deleted
     * @param createdAt when it was opened
     */
    record QueueEntry(
            UUID id,
            Message message,
            List<Message> context,
            @Nullable String reason,
            String source,
            List<User> reporters,
            String status,
            Instant createdAt) {}

    record QueuePage(List<QueueEntry> results, @Nullable String nextCursor) {}

    @Transactional(readOnly = true)
    QueuePage queue(CurrentUser moderator, String status, @Nullable String cursor, int limit) {
        requireModerator(moderator);
        if (!List.of("open", "approved", "rejected", "deleted").contains(status)) {
            throw ChatException.invalid("status", "open, approved, rejected or deleted");
        }
        List<QueuedFlag> page = new ArrayList<>(flags.queue(status, TimeCursor.parse(cursor), limit + 1));
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            QueuedFlag last = page.getLast();
            next = new TimeCursor(last.createdAt(), last.id()).encode();
        }
        List<QueueEntry> entries = page.stream()
                .map(flag -> new QueueEntry(
                        flag.id(),
                        messages.find(moderator.id(), flag.messageId()),
                        messages.context(moderator.id(), flag.messageId(), CONTEXT),
                        flag.reason(),
                        flag.source(),
                        users.cards(flags.reporterIds(flag.id())).values().stream()
                                .toList(),
                        flag.status(),
                        flag.createdAt()))
                .toList();
        return new QueuePage(entries, next);
    }

    /** A decision on a message: {@code approved}, {@code rejected} or {@code deleted}; resolves its open flag. */
    @Transactional
    String decide(CurrentUser moderator, UUID messageId, String decision, @Nullable String reason) {
        requireModerator(moderator);
        checkReason(reason);
        switch (decision) {
            case "approved" -> messages.approve(messageId);
            case "rejected" -> messages.reject(messageId);
            case "deleted" -> messages.delete(messageId);
            default -> throw new IllegalArgumentException(decision);
        }
        flags.resolveOpen(messageId, decision, moderator.id(), Timestamps.now(clock));
        audit.record(moderator.id(), "moderation." + decision, "message", messageId.toString(), reason);
        return decision;
    }

    record Mute(String userId, Instant mutedUntil, @Nullable String reason) {}

    @Transactional
    Mute mute(CurrentUser moderator, String userId, @Nullable Integer minutes, @Nullable String reason) {
        requireModerator(moderator);
        checkReason(reason);
        UserService.requireValidId(userId, "user");
        users.find(userId).orElseThrow(() -> ChatException.notFound("User"));
        int duration = minutes == null ? 60 : minutes;
        if (duration < 1 || duration > MAX_MUTE_MINUTES) {
            throw ChatException.invalid("duration_minutes", "between 1 and " + MAX_MUTE_MINUTES);
        }
        Instant now = Timestamps.now(clock);
        Instant until = now.plus(Duration.ofMinutes(duration));
        conduct.mute(userId, moderator.id(), reason, until, now);
        rules.changed(userId);
        audit.record(
                moderator.id(),
                "moderation.mute",
                "user",
                userId,
                (reason == null ? "" : reason + " ") + "(" + duration + " min)");
        return new Mute(userId, until, reason);
    }

    @Transactional
    void unmute(CurrentUser moderator, String userId) {
        requireModerator(moderator);
        if (!conduct.unmute(userId)) {
            throw ChatException.notFound("Mute");
        }
        rules.changed(userId);
        audit.record(moderator.id(), "moderation.unmute", "user", userId, null);
    }

    List<AuditLog.Entry> auditTrail(CurrentUser moderator, int limit) {
        requireModerator(moderator);
        return audit.recent(limit);
    }

    static void requireModerator(CurrentUser user) {
        if (!user.isModerator()) {
            throw ChatException.forbidden("Moderators only");
        }
    }

    private static void checkReason(@Nullable String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw ChatException.invalid("reason", "at most " + MAX_REASON + " characters");
        }
    }
}
