package com.sudamall.chat.message;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The attachment object of API.md's Message.
 *
 * @param id attachment id
 * @param fileName sanitised original name
 * @param fileSize bytes
 * @param fileType content type detected from the bytes
 * @param url download URL
 * @param thumbnailUrl thumbnail URL of an image
 * @param width image width in pixels
 * @param height image height in pixels
 */
public record MessageAttachment(
        UUID id,
        String fileName,
        long fileSize,
        String fileType,
        String url,
        @Nullable String thumbnailUrl,
        @Nullable Integer width,
        @Nullable Integer height) {}
