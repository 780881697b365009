package com.sudamall.chat.retention.internal;

import com.sudamall.chat.attachment.AttachmentService;
import com.sudamall.chat.attachment.Upload;
import com.sudamall.chat.identity.Role;
import com.sudamall.chat.identity.UserProfile;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessagePrivacy;
import com.sudamall.chat.notification.NotificationService;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomType;
import com.sudamall.chat.web.AuditLog;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's privacy requests about a user: an export of everything stored about them, and an erasure. Both are
 * audited in the transaction that does them.
 */
@Service
class UserPrivacy {

    private final UserService users;
    private final RoomAccess rooms;
    private final MessagePrivacy messages;
    private final AttachmentService attachments;
    private final NotificationService notifications;
    private final AuditLog audit;
    private final Clock clock;

    UserPrivacy(
            UserService users,
            RoomAccess rooms,
            MessagePrivacy messages,
            AttachmentService attachments,
            NotificationService notifications,
            AuditLog audit,
            Clock clock) {
        this.users = users;
        this.rooms = rooms;
        this.messages = messages;
        this.attachments = attachments;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    record Profile(
            String id,
            @Nullable String name,
            @Nullable String email,
            @Nullable String avatarUrl,
            List<String> roles,
            boolean emailAlerts,
            boolean isErased,
            @Nullable Instant lastSeenAt) {}

    record RoomEntry(
            UUID roomId,
            String name,
            RoomType roomType,
            @Nullable String store,
            @Nullable String product,
            boolean isActive,
            Instant createdAt) {}

    /** The export's JSON: the user's profile, rooms, messages and files. */
    record Export(
            Instant exportedAt,
            Profile user,
            List<RoomEntry> rooms,
            List<Message> messages,
            List<Upload> attachments) {}

    @Transactional
    Export export(String userId) {
        UserProfile profile = requireUser(userId);
        List<RoomEntry> joined =
                rooms.roomsOf(userId).stream().map(UserPrivacy::entry).toList();
        List<Message> sent = messages.sentBy(userId);
        List<Upload> uploads = attachments.uploadsOf(userId);
        audit.record(
                AuditLog.PLATFORM,
                "privacy.export",
                "user",
                userId,
                joined.size() + " rooms, " + sent.size() + " messages, " + uploads.size() + " files");
        return new Export(Timestamps.now(clock), profile(profile), joined, sent, uploads);
    }

    /**
     * Erases the user: their messages become deleted placeholders keeping id and seq (except in rooms under legal
     * hold), their files are released for removal, their notifications deleted, their profile anonymised. They stay
     * in their rooms, as "Deleted user".
     */
    @Transactional
    void erase(String userId) {
        requireUser(userId);
        int emptied = messages.eraseSentBy(userId);
        attachments.releaseUploadsOf(userId);
        notifications.deleteAllFor(userId);
        users.erase(userId);
        audit.record(AuditLog.PLATFORM, "privacy.erase", "user", userId, emptied + " messages emptied");
    }

    private UserProfile requireUser(String userId) {
        UserService.requireValidId(userId, "id");
        return users.find(userId).orElseThrow(() -> ChatException.notFound("User"));
    }

    private static Profile profile(UserProfile user) {
        return new Profile(
                user.id(),
                user.name(),
                user.email(),
                user.avatarUrl(),
                Role.wireNames(user.roles()),
                user.emailAlerts(),
                user.erased(),
                user.lastSeenAt());
    }

    private static RoomEntry entry(Room room) {
        return new RoomEntry(
                room.id(),
                room.name(),
                room.type(),
                room.storeId(),
                room.productId(),
                room.isActive(),
                room.createdAt());
    }
}
