package com.sudamall.chat.message.internal;

import com.sudamall.chat.attachment.Attachment;
import com.sudamall.chat.attachment.AttachmentService;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageRef;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.preview.LinkPreview;
import com.sudamall.chat.preview.LinkPreviews;
import com.sudamall.chat.room.Member;
import com.sudamall.chat.room.RoomAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Renders stored messages as API.md's Message, looking up senders and read cursors once per batch. */
@Component
public class MessageRepresentation {

    private final UserService users;
    private final RoomAccess access;
    private final AttachmentService attachments;
    private final JsonMapper json;
    private final ReactionView reactions;
    private final MentionRepository mentions;
    private final LinkPreviews previews;

    MessageRepresentation(
            UserService users,
            RoomAccess access,
            AttachmentService attachments,
            JsonMapper json,
            ReactionView reactions,
            MentionRepository mentions,
            LinkPreviews previews) {
        this.previews = previews;
        this.reactions = reactions;
        this.mentions = mentions;
        this.users = users;
        this.access = access;
        this.attachments = attachments;
        this.json = json;
    }

    public Message render(MessageRow row) {
        return render(List.of(row)).getFirst();
    }

    /** Messages as the whole room sees them, with their reactions (none marked as the reader's). */
    public List<Message> render(List<MessageRow> rows) {
        return reactions.attach(named(withoutReactions(rows)), null);
    }

    /** With the users each message names and its link's card: one query each per batch. */
    private List<Message> named(List<Message> rendered) {
        List<UUID> shown =
                rendered.stream().filter(m -> !m.isDeleted()).map(Message::id).toList();
        Map<UUID, List<String>> named = mentions.of(shown);
        Map<UUID, LinkPreview> cards = previews.ofMessages(shown);
        if (named.isEmpty() && cards.isEmpty()) {
            return rendered;
        }
        return rendered.stream()
                .map(m -> named.containsKey(m.id()) ? m.withMentions(named.get(m.id())) : m)
                .map(m -> cards.containsKey(m.id()) ? m.withPreview(cards.get(m.id())) : m)
                .toList();
    }

    private List<Message> withoutReactions(List<MessageRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return render(
                rows,
                access.members(rows.stream().map(MessageRow::roomId).distinct().toList()));
    }

    /**
     * Messages with their rooms' members already at hand (the send path read them in its transaction); new, so
     * without reactions.
     */
    public List<Message> render(List<MessageRow> rows, Map<UUID, List<Member>> members) {
        Map<String, User> senders = users.cards(rows.stream()
                .map(MessageRow::senderId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        List<UUID> attachmentIds = rows.stream()
                .map(MessageRow::attachmentId)
                .filter(Objects::nonNull)
                .toList();
        Map<UUID, Attachment> files = attachmentIds.isEmpty() ? Map.of() : attachments.describe(attachmentIds);
        Map<UUID, String> customers = access.customers(
                rows.stream().map(MessageRow::roomId).distinct().toList());
        return rows.stream()
                .map(row -> toMessage(
                        row,
                        senders,
                        files,
                        seen(row, members.getOrDefault(row.roomId(), List.of()), customers.get(row.roomId()))))
                .toList();
    }

    private Message toMessage(MessageRow row, Map<String, User> senders, Map<UUID, Attachment> files, Seen seen) {
        User sender = row.senderId() == null ? null : senders.get(row.senderId());
        return new Message(
                row.id(),
                row.roomId(),
                row.seq(),
                row.type(),
                row.content(),
                sender,
                row.sentAt(),
                row.editedAt(),
                row.isEdited(),
                row.isDeleted(),
                row.replyTo(),
                row.clientMsgId(),
                row.attachmentId() == null ? null : files.get(row.attachmentId()),
                ref(row),
                seen.read(),
                seen.delivered(),
                row.isFlagged(),
                row.originalContent() != null,
                row.moderationStatus(),
                List.of(),
                List.of(),
                null);
    }

    /**
     * Messages as one reader sees them: a masked message shows its whole text to its writer and to moderators, and
     * what the filters left to everyone else; a deleted message that was reported shows its text to moderators.
     */
    public List<Message> renderFor(String readerId, boolean moderator, List<MessageRow> rows) {
        List<Message> rendered = reactions.attach(named(withoutReactions(rows)), readerId);
        List<Message> seen = new ArrayList<>(rendered.size());
        for (int i = 0; i < rows.size(); i++) {
            MessageRow row = rows.get(i);
            Message message = rendered.get(i);
            // a message its writer deleted is gone for them too; moderators keep the text of what was reported
            boolean writerSees =
                    readerId.equals(row.senderId()) && (!row.isDeleted() || "rejected".equals(row.moderationStatus()));
            boolean whole = row.originalContent() != null && (moderator || writerSees);
            seen.add(whole ? withContent(message, row.originalContent()) : message);
        }
        return seen;
    }

    private static Message withContent(Message m, String content) {
        return new Message(
                m.id(),
                m.roomId(),
                m.seq(),
                m.messageType(),
                content,
                m.sender(),
                m.sentAt(),
                m.editedAt(),
                m.isEdited(),
                m.isDeleted(),
                m.replyTo(),
                m.clientMsgId(),
                m.attachment(),
                m.ref(),
                m.isRead(),
                m.isDelivered(),
                m.isFlagged(),
                m.isMasked(),
                m.moderationStatus(),
                m.reactions(),
                m.mentions(),
                m.preview());
    }

    /** How far the other side has come with a message: sent to their devices, read. */
    private record Seen(boolean read, boolean delivered) {}

    private static Seen seen(MessageRow row, List<Member> members, @Nullable String customerId) {
        return new Seen(
                reachedOtherSide(row, members, customerId, Member::lastReadSeq),
                reachedOtherSide(row, members, customerId, Member::deliveredSeq));
    }

    /**
     * Whether the other side's cursors have passed the message: the seed's {@code is_read} for read cursors, and
     * {@code is_delivered} for delivery cursors. In a conversation with a customer the parties are the customer and
     * the team (a store's owner and staff, or support agents): a customer's message counts once anyone of the team
     * has it, the team's once the customer has. Elsewhere every other participant is a party of their own. A note is
     * the team's own: it counts once another of the team has it (the customer never does).
     */
    private static boolean reachedOtherSide(
            MessageRow row, List<Member> members, @Nullable String customerId, ToLongFunction<Member> cursor) {
        if (row.seq() == null) {
            return false;
        }
        long seq = row.seq();
        if (customerId != null && row.type() == MessageType.NOTE) {
            return members.stream()
                    .filter(m -> !m.userId().equals(customerId) && !m.userId().equals(row.senderId()))
                    .anyMatch(m -> cursor.applyAsLong(m) >= seq);
        }
        if (customerId != null) {
            boolean fromCustomer = customerId.equals(row.senderId());
            return members.stream()
                    .filter(m -> fromCustomer != m.userId().equals(customerId))
                    .anyMatch(m -> cursor.applyAsLong(m) >= seq);
        }
        List<Member> others =
                members.stream().filter(m -> !m.userId().equals(row.senderId())).toList();
        return !others.isEmpty() && others.stream().allMatch(m -> cursor.applyAsLong(m) >= seq);
    }

    private @Nullable MessageRef ref(MessageRow row) {
        if (row.refType() == null || row.refId() == null) {
            return null;
        }
        Object snapshot = row.refSnapshot() == null ? null : json.readTree(row.refSnapshot());
        return new MessageRef(row.refType(), row.refId(), snapshot);
    }
}
