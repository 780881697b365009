package com.sudamall.chat.moderation;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageChanges;
import com.sudamall.chat.moderation.internal.FlagRepository;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Reporting messages: the seed's {@code flag_message}, one report per user and message. */
@Service
public class FlagService {

    private static final int MAX_REASON = 500;

    private final FlagRepository flags;
    private final MessageChanges messages;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FlagService(
            FlagRepository flags,
            MessageChanges messages,
            UserService users,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.flags = flags;
        this.messages = messages;
        this.users = users;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The outcome of a report.
     *
     * @param flag the message's flag
     * @param isNew false when this user had already reported the message
     */
    public record Reported(Flag flag, boolean isNew) {}

    /** Reports a message the user can see; a repeat report by the same user returns the same flag. */
    public Reported flag(CurrentUser user, UUID messageId, @Nullable String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw ChatException.invalid("reason", "at most " + MAX_REASON + " characters");
        }
        Message message = messages.requireVisible(user, messageId);
        Optional<UUID> earlier = flags.findReport(messageId, user.id());
        if (earlier.isPresent()) {
            return new Reported(render(earlier.get()), false);
        }
        try {
            UUID flagId = transactions.execute(tx -> record(user, message, reason == null ? "" : reason.strip()));
            return new Reported(render(flagId), true);
        } catch (DuplicateKeyException raced) {
            return flags.findReport(messageId, user.id())
                    .map(id -> new Reported(render(id), false))
                    .orElseThrow(() -> raced);
        }
    }

    private UUID record(CurrentUser user, Message message, String reason) {
        Instant now = Timestamps.now(clock);
        UUID flagId = flags.findOpen(message.id())
                .orElseGet(() -> flags.insertOpen(message.id(), message.roomId(), reason, "user", now));
        flags.insertReport(message.id(), user.id(), flagId, reason, now);
        messages.markFlagged(message.id(), reason);
        events.publishEvent(new MessageFlagged(flagId, message.id(), message.roomId(), user.id(), "user"));
        return flagId;
    }

    private Flag render(UUID flagId) {
        FlagRepository.FlagRow row = flags.find(flagId).orElseThrow();
        return new Flag(
                row.id(),
                row.messageId(),
                row.reason(),
                row.status(),
                users.cards(flags.reporterIds(flagId)).values().stream().toList(),
                row.createdAt());
    }
}
