package com.sudamall.chat.message;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.internal.CustomerViewRepository;
import com.sudamall.chat.message.internal.MessageRow;
import com.sudamall.chat.room.Member;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Who has read a message, and how far a member's read or delivery cursor may be told to the whole room. */
@Service
public class Receipts {

    private final RoomAccess access;
    private final MessageRules rules;
    private final UserService users;
    private final CustomerViewRepository customerView;

    Receipts(RoomAccess access, MessageRules rules, UserService users, CustomerViewRepository customerView) {
        this.access = access;
        this.rules = rules;
        this.users = users;
        this.customerView = customerView;
    }

    /**
     * How far a member's cursor at {@code seq} may be told to the whole room: a team member's cursor on a note would
     * tell the customer the note is there, so in a conversation it is told at the newest message before it. The
     * customer's own cursors never stop on a note: they are only ever moved to messages the customer was shown.
     */
    public long sharedSeq(Room room, String memberId, long seq) {
        return room.type().isConversation() && !memberId.equals(room.customerId())
                ? customerView.latestSeqWithoutNotes(room.id(), seq)
                : seq;
    }

    /**
     * One participant who has read a message.
     *
     * @param user the reader
     * @param readAt when their read cursor last moved
     */
    public record Receipt(User user, @Nullable Instant readAt) {}

    /** The participants other than the sender whose read cursor has passed the message. */
    public List<Receipt> readBy(CurrentUser user, UUID roomId, UUID messageId) {
        Room room = access.requireVisible(user, roomId);
        MessageRow row = rules.requireInRoom(messageId, room, user.id(), null);
        List<Member> readers = access.members(roomId).stream()
                .filter(m -> !m.userId().equals(row.senderId()) && m.lastReadSeq() >= row.seq())
                // the customer's cursor passes notes it never showed them
                .filter(m -> row.type() != MessageType.NOTE || !room.hidesNotesFrom(m.userId()))
                .toList();
        Map<String, User> cards =
                users.cards(readers.stream().map(Member::userId).toList());
        return readers.stream()
                .filter(m -> cards.containsKey(m.userId()))
                .map(m -> new Receipt(cards.get(m.userId()), m.lastReadAt()))
                .toList();
    }
}
