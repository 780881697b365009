package com.sudamall.chat.attachment;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The attachment object of API.md, as a message carries it and as an upload returns it.
 *
 * @param id attachment id
 * @param fileName sanitised file name
 * @param fileSize bytes stored (an image's after re-encoding)
 * @param fileType content type detected from the bytes
 * @param url download URL
 * @param thumbnailUrl thumbnail URL of an image
 * @param width image width in pixels
 * @param height image height in pixels
 */
public record Attachment(
        UUID id,
        String fileName,
        long fileSize,
        String fileType,
        String url,
        @Nullable String thumbnailUrl,
        @Nullable Integer width,
        @Nullable Integer height) {

    /**
     * Whether a message carrying it is an {@code image} rather than a {@code file}. (Not a bean getter: it is not
     * part of the JSON.)
     */
    public boolean image() {
        return fileType.startsWith("image/");
    }
}
