package com.sudamall.chat.message;

import com.sudamall.chat.attachment.Attachment;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.preview.LinkPreview;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Message object of API.md, as REST answers and WebSocket frames carry it.
 *
 * @param id message id
 * @param roomId its room
 * @param seq position in the room (gapless, strictly increasing); null while held for moderation
 * @param messageType message type
 * @param content text; empty once deleted
 * @param sender the sender; null for system messages
 * @param sentAt when it was sent
 * @param editedAt when it was last edited
 * @param isEdited whether it was edited
 * @param isDeleted whether it was deleted (it keeps its id and seq)
 * @param replyTo the message it answers
 * @param clientMsgId the sender's idempotency key
 * @param attachment the file or image it carries
 * @param ref the shared product or order
 * @param isRead true when every other participant has read it
 * @param isDelivered true when it has been sent to a device of the other side, the parties of {@code isRead}
 *     (what was read was sent)
 * @param isFlagged whether it was reported or caught by a content filter
 * @param isMasked whether the content filters hid parts of the text from the other participants (its writer and
 *     moderators see the whole text)
 * @param moderationStatus {@code approved}, or {@code pending} while held in a moderated room
 * @param reactions the emoji users reacted with, in the order of the configured list; none on a deleted message
 * @param mentions the ids of the users the message names ({@code @}), in group, conversation and support rooms
 * @param preview the card of the message's first link, once fetched (after the send: a {@code preview} frame
 *     brings it), or null
 */
public record Message(
        UUID id,
        UUID roomId,
        @Nullable Long seq,
        MessageType messageType,
        String content,
        @Nullable User sender,
        Instant sentAt,
        @Nullable Instant editedAt,
        boolean isEdited,
        boolean isDeleted,
        @Nullable UUID replyTo,
        @Nullable String clientMsgId,
        @Nullable Attachment attachment,
        @Nullable MessageRef ref,
        boolean isRead,
        boolean isDelivered,
        boolean isFlagged,
        boolean isMasked,
        String moderationStatus,
        List<Reaction> reactions,
        List<String> mentions,
        @Nullable LinkPreview preview) {

    /** The message with its reactions as one reader sees them. */
    public Message withReactions(List<Reaction> shown) {
        return with(List.copyOf(shown), mentions, preview);
    }

    /** The message with the users it names. */
    public Message withMentions(List<String> named) {
        return with(reactions, List.copyOf(named), preview);
    }

    /** The message with its first link's card, or none. */
    public Message withPreview(@Nullable LinkPreview card) {
        return with(reactions, mentions, card);
    }

    private Message with(List<Reaction> shown, List<String> named, @Nullable LinkPreview card) {
        return new Message(
                id,
                roomId,
                seq,
                messageType,
                content,
                sender,
                sentAt,
                editedAt,
                isEdited,
                isDeleted,
                replyTo,
                clientMsgId,
                attachment,
                ref,
                isRead,
                isDelivered,
                isFlagged,
                isMasked,
                moderationStatus,
                shown,
                named,
                card);
    }
}
