package com.sudamall.chat.attachment;

import com.sudamall.chat.attachment.internal.Uploads;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomNotFoundException;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Files in rooms: upload (checked, typed, cleaned and stored before anything is recorded), the hand-over to the
 * message that carries a file, and download by the room's participants.
 */
@Service
public class AttachmentService {

    private final Uploads uploads;
    private final RoomAccess access;

    AttachmentService(Uploads uploads, RoomAccess access) {
        this.uploads = uploads;
        this.access = access;
    }

    /**
     * Stores an upload to the room. The uploader must be a participant of an active room that allows files.
     *
     * @param fileName the name the client gave, sanitised here
     * @param content the bytes, read until their end or until the size limit is passed
     */
    public Attachment upload(CurrentUser user, UUID roomId, @Nullable String fileName, InputStream content) {
        Room room = access.requireParticipant(user, roomId);
        requireFileSharing(room);
        try {
            return uploads.store(user.id(), room.id(), fileName, content);
        } catch (IOException e) {
            throw new ChatException(ErrorCode.UNAVAILABLE, "The file could not be stored; try again");
        }
    }

    /** 403 {@code file_sharing_disabled} when the room does not take files. */
    public static void requireFileSharing(Room room) {
        if (!room.allowFileSharing()) {
            throw new ChatException(ErrorCode.FILE_SHARING_DISABLED, "This room does not allow files");
        }
    }

    /**
     * An upload the sender may send in the room: theirs, to this room, and not yet carried by a message. Anything
     * else is a 400 that does not say which (an id of someone else's upload reveals nothing).
     */
    public Attachment requireSendable(CurrentUser sender, UUID roomId, UUID attachmentId) {
        return uploads.findSendable(sender.id(), roomId, attachmentId)
                .orElseThrow(() -> ChatException.invalid("attachment", "no upload of yours to this room has this id"));
    }

    /**
     * Ties uploads to the messages that carry them, in the caller's transaction; 409 when one was sent meanwhile (a
     * second send of the same upload).
     */
    public void claim(Map<UUID, UUID> messageByAttachment) {
        uploads.claim(messageByAttachment);
    }

    /** The attachments by id, as messages show them. */
    public Map<UUID, Attachment> describe(Collection<UUID> ids) {
        return uploads.describe(ids);
    }

    /**
     * Their messages are gone (deleted, expired, erased): the files are no longer served, and are removed from
     * storage shortly. In the caller's transaction.
     */
    public void release(Collection<UUID> ids) {
        uploads.release(ids);
    }

    /** Everything the user uploaded, oldest first. */
    public List<Upload> uploadsOf(String userId) {
        return uploads.uploadedBy(userId);
    }

    /**
     * Releases everything the user uploaded, sent or not, outside rooms under legal hold (a privacy erasure); in the
     * caller's transaction.
     */
    public void releaseUploadsOf(String userId) {
        uploads.releaseUploadsOf(userId);
    }

    /**
     * What to send for a download, after checking the caller may see it: a participant of its room (or anyone who
     * may read the room) once a message carries it, only its uploader before. Anyone else gets a 404.
     */
    public Download download(CurrentUser user, UUID attachmentId, boolean thumbnail) {
        Uploads.Stored stored =
                uploads.findServable(attachmentId, thumbnail).orElseThrow(() -> ChatException.notFound("Attachment"));
        boolean unsent = stored.messageId() == null;
        if (unsent && !user.id().equals(stored.uploaderId())) {
            throw ChatException.notFound("Attachment");
        }
        try {
            access.requireVisible(user, stored.roomId());
        } catch (RoomNotFoundException e) {
            throw ChatException.notFound("Attachment");
        }
        return new Download(
                stored.key(),
                stored.fileName(),
                stored.contentType(),
                stored.size(),
                stored.sha256(),
                stored.createdAt());
    }

    /** The bytes of a download, {@code length} of them from {@code offset}. */
    public InputStream open(Download download, long offset, long length) {
        try {
            return uploads.open(download.key(), offset, length);
        } catch (IOException e) {
            throw new ChatException(ErrorCode.UNAVAILABLE, "The file could not be read; try again");
        }
    }

    /**
     * A file to send.
     *
     * @param key where its bytes are
     * @param fileName its name
     * @param contentType its type
     * @param size its length in bytes
     * @param sha256 hex SHA-256 of the bytes (a strong validator: the bytes behind an id never change)
     * @param createdAt when it was uploaded
     */
    public record Download(
            String key, String fileName, String contentType, long size, String sha256, Instant createdAt) {

        /** Images are shown in place; anything else is saved, never rendered by the browser. */
        public boolean inline() {
            return contentType.startsWith("image/");
        }
    }
}
