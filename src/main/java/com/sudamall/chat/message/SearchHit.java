package com.sudamall.chat.message;

import com.sudamall.chat.identity.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message found by search.
 *
 * @param roomId its room
 * @param messageId the message
 * @param seq its place in the room
 * @param sender who sent it
 * @param sentAt when
 * @param snippet the part of its text around the match, as plain text
 * @param highlights the matched words in the snippet, as {@code [start, end)} character offsets (never markup, so a
 *     client cannot be tricked into rendering the message as HTML)
 */
public record SearchHit(
        UUID roomId,
        UUID messageId,
        long seq,
        @Nullable User sender,
        Instant sentAt,
        String snippet,
        List<int[]> highlights) {}
