package com.sudamall.chat.message;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.internal.CustomerViewRepository;
import com.sudamall.chat.message.internal.MentionRepository;
import com.sudamall.chat.message.internal.MessageModerationRepository;
import com.sudamall.chat.message.internal.MessageRepository;
import com.sudamall.chat.message.internal.MessageRepresentation;
import com.sudamall.chat.message.internal.MessageRow;
import com.sudamall.chat.message.internal.ReadCursors;
import com.sudamall.chat.room.Member;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.ChatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Reading a room: history in both forms, read cursors, receipts and unread counts. */
@Service
public class MessageHistory {

    private final RoomAccess access;
    private final MessageRepository messages;
    private final MessageModerationRepository moderationState;
    private final MessageRepresentation representation;
    private final ReadCursors cursors;
    private final UserService users;
    private final MessageRules rules;
    private final CustomerViewRepository customerView;
    private final MentionRepository mentions;
    private final Deliveries deliveries;

    MessageHistory(
            RoomAccess access,
            MessageRepository messages,
            MessageModerationRepository moderationState,
            MessageRepresentation representation,
            ReadCursors cursors,
            UserService users,
            MessageRules rules,
            CustomerViewRepository customerView,
            MentionRepository mentions,
            Deliveries deliveries) {
        this.deliveries = deliveries;
        this.mentions = mentions;
        this.access = access;
        this.messages = messages;
        this.moderationState = moderationState;
        this.representation = representation;
        this.cursors = cursors;
        this.users = users;
        this.rules = rules;
        this.customerView = customerView;
    }

    /**
     * A page of the seed's form, newest first.
     *
     * @param messages the page
     * @param total messages in the room
     * @param page page number, from 1
     * @param perPage page size
     */
    public record SeedPage(List<Message> messages, long total, int page, int perPage) {}

    /** The seed's {@code get_chat_history}: page {@code page} of {@code perPage}, newest first. */
    public SeedPage page(CurrentUser user, UUID roomId, int page, int perPage, boolean markRead) {
        Room room = access.requireVisible(user, roomId);
        long notes = room.hidesNotesFrom(user.id()) ? customerView.countNotes(roomId, 0, room.lastSeq()) : 0;
        List<MessageRow> rows;
        if (notes > 0) {
            // the customer's pages close over the team's notes: few rooms, and short ones
            rows = customerView.findPageWithoutNotes(roomId, (long) (page - 1) * perPage, perPage);
        } else {
            // seq is gapless, so page n is the seq range just below last_seq - (n-1) * perPage.
            long newest = room.lastSeq() - (long) (page - 1) * perPage;
            rows = newest <= 0
                    ? List.of()
                    : messages.findBetween(
                            roomId,
                            newest - perPage,
                            newest + 1,
                            perPage,
                            MessageRepository.From.NEWEST,
                            !room.hidesNotesFrom(user.id()));
        }
        List<Message> messages = read(user, room, rows, markRead);
        return new SeedPage(
                page == 1 ? withHeld(user, room, messages, true) : messages, room.lastSeq() - notes, page, perPage);
    }

    /**
     * A page of the cursor form, oldest first.
     *
     * @param messages the page, in seq order
     * @param hasMore whether more messages lie beyond the page in the direction asked
     */
    public record SeqPage(List<Message> messages, boolean hasMore) {}

    /**
     * Messages by seq: after {@code afterSeq} (oldest first, for catching up), before {@code beforeSeq} (the newest
     * ones below it, for scrolling back), or both; the newest {@code limit} when neither is given.
     */
    public SeqPage bySeq(
            CurrentUser user,
            UUID roomId,
            @Nullable Long afterSeq,
            @Nullable Long beforeSeq,
            int limit,
            boolean markRead) {
        Room room = access.requireVisible(user, roomId);
        if (afterSeq != null && afterSeq < 0 || beforeSeq != null && beforeSeq < 1) {
            throw ChatException.invalid(afterSeq != null && afterSeq < 0 ? "after_seq" : "before_seq", "out of range");
        }
        long after = afterSeq == null ? 0 : afterSeq;
        long before = beforeSeq == null ? Long.MAX_VALUE : beforeSeq;
        boolean withNotes = !room.hidesNotesFrom(user.id());
        List<MessageRow> rows;
        if (afterSeq != null) {
            rows = messages.findBetween(roomId, after, before, limit + 1, MessageRepository.From.OLDEST, withNotes);
        } else {
            rows = new ArrayList<>(
                    messages.findBetween(roomId, after, before, limit + 1, MessageRepository.From.NEWEST, withNotes));
        }
        boolean hasMore = rows.size() > limit;
        List<MessageRow> page = new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())));
        if (afterSeq == null) {
            Collections.reverse(page);
        }
        List<Message> messages = read(user, room, page, markRead);
        boolean reachesTheEnd = beforeSeq == null && (afterSeq == null || !hasMore);
        return new SeqPage(reachesTheEnd ? withHeld(user, room, messages, false) : messages, hasMore);
    }

    /**
     * What a socket of the user missed after {@code afterSeq}, oldest first, without marking anything read: the
     * catch-up of a socket, checked against what this node remembers of the room (as its frames are), so a burst of
     * sockets reads the database once per page and not for the room and membership too.
     */
    public SeqPage replay(CurrentUser user, UUID roomId, long afterSeq, int limit) {
        Room room = access.requireSubscriber(user, roomId);
        List<MessageRow> rows = messages.findBetween(
                roomId,
                afterSeq,
                Long.MAX_VALUE,
                limit + 1,
                MessageRepository.From.OLDEST,
                !room.hidesNotesFrom(user.id()));
        boolean hasMore = rows.size() > limit;
        List<MessageRow> page = rows.subList(0, Math.min(limit, rows.size()));
        // not a delivery yet: the socket that asked reports what it writes
        return new SeqPage(representation.renderFor(user.id(), user.isModerator(), page), hasMore);
    }

    /**
     * The newest messages after a reader's cursor, oldest first: what a missed-message alert quotes. Deleted
     * messages are left out, and notes when the reader is the conversation's customer.
     */
    public List<Message> unreadTail(UUID roomId, String readerId, long afterSeq, int limit) {
        boolean withNotes = !access.require(roomId).hidesNotesFrom(readerId);
        List<MessageRow> rows = new ArrayList<>(messages.findBetween(
                roomId, afterSeq, Long.MAX_VALUE, limit, MessageRepository.From.NEWEST, withNotes));
        Collections.reverse(rows);
        return representation.render(rows).stream().filter(m -> !m.isDeleted()).toList();
    }

    /**
     * The newest page also shows what waits for approval in a pre-moderated room: the reader's own held messages,
     * or all of them to its moderators; after the numbered ones ({@code newestFirst} puts them before).
     */
    private List<Message> withHeld(CurrentUser user, Room room, List<Message> page, boolean newestFirst) {
        if (!room.isModerated()) {
            return page;
        }
        List<MessageRow> held = moderationState.findHeld(room.id(), access.canModerate(user, room) ? null : user.id());
        if (held.isEmpty()) {
            return page;
        }
        List<Message> shown = new ArrayList<>(representation.renderFor(user.id(), user.isModerator(), held));
        if (newestFirst) {
            Collections.reverse(shown);
            shown.addAll(page);
            return shown;
        }
        List<Message> all = new ArrayList<>(page);
        all.addAll(shown);
        return all;
    }

    private List<Message> read(CurrentUser user, Room room, List<MessageRow> rows, boolean markRead) {
        // what a reader is given has reached one of their devices, and is read unless they said otherwise
        LongSummaryStatistics seqs = rows.stream()
                .map(MessageRow::seq)
                .filter(Objects::nonNull)
                .mapToLong(Long::longValue)
                .summaryStatistics();
        if (seqs.getCount() > 0 && markRead) {
            cursors.advance(room.id(), user.id(), seqs.getMax());
        } else if (seqs.getCount() > 0) {
            deliveries.reached(room.id(), user.id(), seqs.getMin(), seqs.getMax());
        }
        return representation.renderFor(user.id(), user.isModerator(), rows);
    }

    /**
     * Where a reader stands in a room after marking it read.
     *
     * @param roomId the room
     * @param upToSeq the reader's read cursor
     * @param unreadCount messages still unread
     */
    public record ReadState(UUID roomId, long upToSeq, long unreadCount) {}

    /** Moves the caller's read cursor up to the given message (never back). */
    public ReadState markRead(CurrentUser user, UUID roomId, UUID upTo) {
        Room room = access.requireVisible(user, roomId);
        MessageRow row = rules.requireInRoom(upTo, room, user.id(), "up_to");
        cursors.advance(roomId, user.id(), row.seq());
        long cursor = access.member(roomId, user.id()).map(Member::lastReadSeq).orElse(0L);
        return new ReadState(roomId, cursor, unreadBetween(room, user.id(), cursor, room.lastSeq()));
    }

    /**
     * The messages with {@code lastReadSeq < seq <= upToSeq} that count as unread for the reader: all of them, but
     * the notes for a conversation's customer (a count over the unread range of the room's seq index).
     */
    public long unreadBetween(UUID roomId, String readerId, long lastReadSeq, long upToSeq) {
        return unreadBetween(access.require(roomId), readerId, lastReadSeq, upToSeq);
    }

    /** {@link #unreadBetween(UUID, String, long, long)} in a room at hand. */
    public long unreadBetween(Room room, String readerId, long lastReadSeq, long upToSeq) {
        long unread = Math.max(0, upToSeq - lastReadSeq);
        if (unread > 0 && room.hidesNotesFrom(readerId)) {
            unread -= customerView.countNotes(room.id(), lastReadSeq, upToSeq);
        }
        return unread;
    }

    /**
     * Unread messages of the caller.
     *
     * @param total across all rooms
     * @param rooms per room, only rooms with unread messages
     * @param mentions unread messages that name the caller, per room, only rooms that have some (muted ones too)
     */
    public record Unread(long total, Map<UUID, Long> rooms, Map<UUID, Long> mentions) {}

    public Unread unread(CurrentUser user) {
        Map<UUID, Long> rooms = cursors.unreadByRoom(user.id());
        return new Unread(
                rooms.values().stream().mapToLong(Long::longValue).sum(), rooms, mentions.unreadByRoom(user.id()));
    }
}
