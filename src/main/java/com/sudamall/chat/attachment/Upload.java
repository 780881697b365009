package com.sudamall.chat.attachment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An upload as a privacy export lists it.
 *
 * @param id attachment id
 * @param roomId the room it was uploaded to
 * @param messageId the message that carries it, if sent
 * @param fileName its name
 * @param fileSize its size in bytes
 * @param fileType its detected type
 * @param uploadedAt when it was uploaded
 * @param removed whether it is gone (its message deleted or expired)
 */
public record Upload(
        UUID id,
        UUID roomId,
        @Nullable UUID messageId,
        String fileName,
        long fileSize,
        String fileType,
        Instant uploadedAt,
        boolean removed) {}
