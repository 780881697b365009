package com.sudamall.chat.attachment.internal;

import com.sudamall.chat.attachment.Attachment;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An {@code attachments} row.
 *
 * @param id public id
 * @param roomId the room it was uploaded to
 * @param uploaderId who uploaded it
 * @param messageId the message carrying it, null until sent
 * @param storageKey the stored file's key
 * @param thumbnailKey the thumbnail's key, for images
 * @param fileName sanitised name
 * @param fileSize bytes stored
 * @param fileType detected content type
 * @param sha256 hex SHA-256 of the stored bytes
 * @param width image width
 * @param height image height
 * @param thumbnailSize thumbnail bytes
 * @param thumbnailType thumbnail content type
 * @param createdAt upload time
 * @param releasedAt when its message was deleted
 */
record AttachmentRow(
        UUID id,
        UUID roomId,
        @Nullable String uploaderId,
        @Nullable UUID messageId,
        String storageKey,
        @Nullable String thumbnailKey,
        String fileName,
        long fileSize,
        String fileType,
        String sha256,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Long thumbnailSize,
        @Nullable String thumbnailType,
        Instant createdAt,
        @Nullable Instant releasedAt) {

    static final String URL_PREFIX = "/api/chat/attachments/";

    Attachment toAttachment() {
        return new Attachment(
                id,
                fileName,
                fileSize,
                fileType,
                URL_PREFIX + id,
                thumbnailKey == null ? null : URL_PREFIX + id + "/thumbnail",
                width,
                height);
    }
}
