package com.sudamall.chat.desk.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A store's saved answer.
 *
 * @param id its id
 * @param shortcut what the team types after {@code /} to pick it
 * @param body its text, with variables such as {@code {customer_name}}
 * @param createdAt when it was saved first
 * @param updatedAt when it was last changed
 */
record CannedReply(UUID id, String shortcut, String body, Instant createdAt, Instant updatedAt) {}
