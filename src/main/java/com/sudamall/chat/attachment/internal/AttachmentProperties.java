package com.sudamall.chat.attachment.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Files and their storage.
 *
 * @param maxSize largest upload (the seed's {@code MAX_FILE_SIZE}); the multipart limits follow it
 * @param allowedTypes file types by extension (the seed's {@code ALLOWED_FILE_TYPES}), checked against the content
 * @param maxImagePixels largest image decoded (width × height), so a small file cannot unpack into gigabytes
 * @param thumbnailSize longest side of a thumbnail in pixels
 * @param orphanAge how long an upload that no message carries is kept
 * @param sweepInterval how often orphans and files of deleted messages are removed
 * @param storage {@code filesystem} or {@code s3}
 * @param dir the filesystem storage's directory
 * @param s3 the S3 storage's settings
 */
@ConfigurationProperties("chat.files")
public record AttachmentProperties(
        @DefaultValue("10MB") DataSize maxSize,

        @DefaultValue({"jpg", "jpeg", "png", "gif", "pdf", "doc", "docx"})
        List<String> allowedTypes,

        @DefaultValue("50000000") long maxImagePixels,
        @DefaultValue("320") int thumbnailSize,
        @DefaultValue("1d") Duration orphanAge,
        @DefaultValue("10m") Duration sweepInterval,
        @DefaultValue("filesystem") String storage,
        @DefaultValue("./data/files") Path dir,
        @DefaultValue S3 s3) {

    public AttachmentProperties {
        if (maxSize.toBytes() < 1 || maxImagePixels < 1 || thumbnailSize < 16) {
            throw new IllegalArgumentException(
                    "chat.files.max-size and max-image-pixels must be positive, thumbnail-size at least 16");
        }
        allowedTypes = allowedTypes.stream()
                .map(type -> type.trim().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
                .filter(type -> !type.isEmpty())
                .toList();
        if (!storage.equals("filesystem") && !storage.equals("s3")) {
            throw new IllegalArgumentException("chat.files.storage is filesystem or s3, not " + storage);
        }
    }

    /**
     * S3-compatible storage.
     *
     * @param bucket the bucket (created at start if missing)
     * @param prefix key prefix inside the bucket
     * @param endpoint the endpoint of an S3-compatible service (MinIO, Ceph, R2...); empty for AWS
     * @param region the region
     * @param pathStyle path-style addressing, which most S3-compatible services need
     * @param accessKey access key; empty to use the AWS default credentials chain
     * @param secretKey secret key
     */
    public record S3(
            @DefaultValue("sudamall-chat") String bucket,
            @DefaultValue("files/") String prefix,
            @Nullable String endpoint,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("false") boolean pathStyle,
            @Nullable String accessKey,
            @Nullable String secretKey) {}
}
