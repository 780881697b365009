package com.sudamall.chat.attachment.internal;

import com.sudamall.chat.attachment.Attachment;
import com.sudamall.chat.attachment.Upload;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The work behind {@link com.sudamall.chat.attachment.AttachmentService}: an upload is copied to a private temporary
 * file (stopping once it passes the size limit), typed from its bytes, re-encoded if it is an image, written to
 * storage under fresh random keys, and only then recorded, so a row never points at bytes that are not there.
 */
@Component
public class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    /**
     * A stored file (or thumbnail) and who may have it.
     *
     * @param key storage key
     * @param roomId its room
     * @param uploaderId its uploader
     * @param messageId the message carrying it
     * @param fileName name to save it as
     * @param contentType type
     * @param size bytes
     * @param sha256 hex digest (for a thumbnail, the original's with a suffix)
     * @param createdAt upload time
     */
    public record Stored(
            String key,
            UUID roomId,
            @Nullable String uploaderId,
            @Nullable UUID messageId,
            String fileName,
            String contentType,
            long size,
            String sha256,
            Instant createdAt) {}

    private final AttachmentRepository attachments;
    private final AttachmentStore store;
    private final FileTypes types;
    private final ImageProcessor images;
    private final AttachmentProperties properties;
    private final Clock clock;
    private final Path workDir;

    Uploads(
            AttachmentRepository attachments,
            AttachmentStore store,
            FileTypes types,
            ImageProcessor images,
            AttachmentProperties properties,
            Clock clock)
            throws IOException {
        this.attachments = attachments;
        this.store = store;
        this.types = types;
        this.images = images;
        this.properties = properties;
        this.clock = clock;
        this.workDir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "sudamall-chat-uploads"));
    }

    public Attachment store(String uploaderId, UUID roomId, @Nullable String originalName, InputStream content)
            throws IOException {
        List<Path> temporary = new ArrayList<>();
        List<String> written = new ArrayList<>();
        try {
            Path upload = Files.createTempFile(workDir, "upload-", "");
            temporary.add(upload);
            copyWithin(content, upload, properties.maxSize().toBytes());
            String name = FileNames.sanitize(originalName);
            String type = types.requireAllowed(upload, name);

            Path file = upload;
            String thumbnailKey = null;
            Long thumbnailSize = null;
            String thumbnailType = null;
            Integer width = null;
            Integer height = null;
            String key = StorageKeys.newKey();
            if (type.startsWith("image/")) {
                ImageProcessor.Processed image = images.process(upload, type, workDir);
                temporary.add(image.image());
                temporary.add(image.thumbnail());
                file = image.image();
                type = image.type();
                width = image.width();
                height = image.height();
                thumbnailKey = StorageKeys.thumbnailOf(key);
                thumbnailSize = Files.size(image.thumbnail());
                thumbnailType = image.thumbnailType();
                store.put(thumbnailKey, image.thumbnail(), thumbnailType);
                written.add(thumbnailKey);
            }
            String sha256 = sha256(file);
            store.put(key, file, type);
            written.add(key);

            AttachmentRow row = new AttachmentRow(
                    UUID.randomUUID(),
                    roomId,
                    uploaderId,
                    null,
                    key,
                    thumbnailKey,
                    types.nameFor(name, type),
                    Files.size(file),
                    type,
                    sha256,
                    width,
                    height,
                    thumbnailSize,
                    thumbnailType,
                    Timestamps.now(clock),
                    null);
            attachments.insert(row);
            written.clear();
            return row.toAttachment();
        } finally {
            for (String key : written) {
                deleteQuietly(key);
            }
            for (Path path : temporary) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Copies the stream to the file; 413 {@code file_too_large} as soon as it passes {@code limit} bytes. */
    private static void copyWithin(InputStream content, Path target, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = content.read(buffer)) >= 0; ) {
                total += n;
                if (total > limit) {
                    throw new ChatException(
                            ErrorCode.FILE_TOO_LARGE, "Files may be at most " + limit / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw ChatException.invalid("file", "the file is empty");
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public Optional<Attachment> findSendable(String senderId, UUID roomId, UUID attachmentId) {
        return attachments
                .find(attachmentId)
                .filter(row -> senderId.equals(row.uploaderId())
                        && roomId.equals(row.roomId())
                        && row.messageId() == null
                        && row.releasedAt() == null)
                .map(AttachmentRow::toAttachment);
    }

    public void claim(Map<UUID, UUID> messageByAttachment) {
        if (!messageByAttachment.isEmpty() && attachments.claim(messageByAttachment) != messageByAttachment.size()) {
            throw new ChatException(ErrorCode.CONFLICT, "This file was already sent in a message");
        }
    }

    public Map<UUID, Attachment> describe(Collection<UUID> ids) {
        return attachments.findAll(ids).stream()
                .filter(row -> row.releasedAt() == null)
                .map(AttachmentRow::toAttachment)
                .collect(Collectors.toMap(Attachment::id, Function.identity()));
    }

    public void release(Collection<UUID> ids) {
        attachments.release(ids, Timestamps.now(clock));
    }

    public List<Upload> uploadedBy(String uploaderId) {
        return attachments.uploadedBy(uploaderId).stream()
                .map(row -> new Upload(
                        row.id(),
                        row.roomId(),
                        row.messageId(),
                        row.fileName(),
                        row.fileSize(),
                        row.fileType(),
                        row.createdAt(),
                        row.releasedAt() != null))
                .toList();
    }

    public void releaseUploadsOf(String uploaderId) {
        attachments.releaseUploadsOf(uploaderId, Timestamps.now(clock));
    }

    /** The file or its thumbnail, unless it has been released; who may have it is the caller's check. */
    public Optional<Stored> findServable(UUID attachmentId, boolean thumbnail) {
        return attachments
                .find(attachmentId)
                .filter(row -> row.releasedAt() == null)
                .filter(row -> !thumbnail || row.thumbnailKey() != null)
                .map(row -> thumbnail
                        ? new Stored(
                                row.thumbnailKey(),
                                row.roomId(),
                                row.uploaderId(),
                                row.messageId(),
                                types.nameFor("thumbnail-" + row.fileName(), row.thumbnailType()),
                                row.thumbnailType(),
                                row.thumbnailSize(),
                                row.sha256() + "-thumbnail",
                                row.createdAt())
                        : new Stored(
                                row.storageKey(),
                                row.roomId(),
                                row.uploaderId(),
                                row.messageId(),
                                row.fileName(),
                                row.fileType(),
                                row.fileSize(),
                                row.sha256(),
                                row.createdAt()));
    }

    public InputStream open(String key, long offset, long length) throws IOException {
        return store.open(key, offset, length);
    }

    /** Removes the file's objects from storage, then its row. */
    void remove(AttachmentRow row) throws IOException {
        if (row.thumbnailKey() != null) {
            store.delete(row.thumbnailKey());
        }
        store.delete(row.storageKey());
        attachments.delete(row.id());
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not remove {} after a failed upload: {}", key, e.getMessage());
        }
    }
}
