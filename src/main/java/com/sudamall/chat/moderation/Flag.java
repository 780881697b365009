package com.sudamall.chat.moderation;

import com.sudamall.chat.identity.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A report on a message.
 *
 * @param id flag id
 * @param messageId the reported message
 * @param reason the first reporter's reason
 * @param status {@code open} until a moderator decides
 * @param reporters everyone who reported the message while this flag was open
 * @param createdAt when it was first reported
 */
public record Flag(
        UUID id, UUID messageId, @Nullable String reason, String status, List<User> reporters, Instant createdAt) {}
