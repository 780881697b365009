package com.sudamall.chat.message.internal;

import com.sudamall.chat.attachment.AttachmentService;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageSent;
import com.sudamall.chat.message.MessageService.Sent;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.message.internal.MentionRepository.Mention;
import com.sudamall.chat.message.internal.MessageRepository.ClientKey;
import com.sudamall.chat.message.internal.MessageStore.Draft;
import com.sudamall.chat.message.internal.MessageStore.Reference;
import com.sudamall.chat.message.internal.ReadCursorRepository.Cursor;
import com.sudamall.chat.room.Member;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a batch of sends in the caller's transaction with a fixed number of statements whatever the batch's size:
 * one look for earlier sends with the same {@code client_msg_id}, one seq reservation per room, one batched insert,
 * one batched cursor move, one read of the rooms' members. Each new message is published as {@link MessageSent} in
 * the order it was submitted, so a room's messages reach listeners in seq order.
 */
@Component
class BatchWriter {

    /**
     * One send waiting to be written.
     *
     * @param room the room, already checked
     * @param senderId the sender, null for system messages
     * @param draft what to store, already validated
     */
    record Send(Room room, @Nullable String senderId, Draft draft) {

        @Nullable
        ClientKey key() {
            return senderId == null || draft.clientMsgId() == null
                    ? null
                    : new ClientKey(room.id(), senderId, draft.clientMsgId());
        }
    }

    private final MessageRepository messages;
    private final MentionRepository mentions;
    private final SequenceAllocator sequences;
    private final ReadCursorRepository cursors;
    private final MessageRepresentation representation;
    private final RoomAccess access;
    private final AttachmentService attachments;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    BatchWriter(
            MessageRepository messages,
            MentionRepository mentions,
            SequenceAllocator sequences,
            ReadCursorRepository cursors,
            MessageRepresentation representation,
            RoomAccess access,
            AttachmentService attachments,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.messages = messages;
        this.mentions = mentions;
        this.sequences = sequences;
        this.cursors = cursors;
        this.representation = representation;
        this.access = access;
        this.attachments = attachments;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The outcome of each send, in the order given. Must run inside a transaction. */
    List<Sent> write(List<Send> sends) {
        Map<ClientKey, MessageRow> earlier = messages.findByClientKeys(
                sends.stream().map(Send::key).filter(Objects::nonNull).toList());
        // A send is new unless an earlier one (stored, or first in this batch) has its key.
        Map<ClientKey, Integer> firstInBatch = new HashMap<>();
        List<Integer> fresh = new ArrayList<>();
        SortedMap<UUID, Integer> counts = new TreeMap<>();
        for (int i = 0; i < sends.size(); i++) {
            ClientKey key = sends.get(i).key();
            if (key != null && (earlier.containsKey(key) || firstInBatch.putIfAbsent(key, i) != null)) {
                continue;
            }
            fresh.add(i);
            if (!sends.get(i).draft().held()) {
                counts.merge(sends.get(i).room().id(), 1, Integer::sum);
            }
        }
        Map<Integer, Message> stored = fresh.isEmpty() ? Map.of() : insert(sends, fresh, counts);

        List<MessageRow> replayed = sends.stream()
                .map(Send::key)
                .filter(key -> key != null && earlier.containsKey(key))
                .map(earlier::get)
                .toList();
        Map<UUID, Message> replays = new HashMap<>();
        representation.render(replayed).forEach(m -> replays.put(m.id(), m));

        List<Sent> outcomes = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            Message message = stored.get(i);
            if (message != null) {
                outcomes.add(new Sent(message, true));
                continue;
            }
            ClientKey key = sends.get(i).key();
            MessageRow before = earlier.get(key);
            outcomes.add(
                    new Sent(before != null ? replays.get(before.id()) : stored.get(firstInBatch.get(key)), false));
        }
        return outcomes;
    }

    private Map<Integer, Message> insert(List<Send> sends, List<Integer> fresh, SortedMap<UUID, Integer> counts) {
        Instant now = Timestamps.now(clock);
        Map<UUID, Long> next =
                new HashMap<>(counts.isEmpty() ? Map.of() : sequences.reserve(counts, notesOnly(sends, fresh), now));
        List<MessageRow> rows = new ArrayList<>(fresh.size());
        // Sending implies having read the room up to one's own message: each sender's cursor moves to their last.
        Map<RoomSender, Long> reached = new LinkedHashMap<>();
        for (int i : fresh) {
            Send send = sends.get(i);
            if (send.draft().held()) {
                rows.add(row(send, null, now));
                continue;
            }
            long seq = next.merge(send.room().id(), 1L, Long::sum) - 1;
            rows.add(row(send, seq, now));
            if (send.senderId() != null) {
                reached.put(new RoomSender(send.room().id(), send.senderId()), seq);
            }
        }
        messages.insertAll(rows);
        mentions.insertAll(mentionsOf(sends, fresh, rows));
        attachments.claim(carriedFiles(rows));
        cursors.advanceAll(
                reached.entrySet().stream()
                        .map(e -> new Cursor(e.getKey().roomId(), e.getKey().userId(), e.getValue()))
                        .toList(),
                now);
        Map<UUID, List<Member>> members = access.members(
                fresh.stream().map(i -> sends.get(i).room().id()).distinct().toList());
        List<Message> rendered = representation.render(rows, members);
        Map<Integer, Message> byIndex = new HashMap<>();
        for (int n = 0; n < rendered.size(); n++) {
            List<String> named = sends.get(fresh.get(n)).draft().mentions();
            Message message =
                    named.isEmpty() ? rendered.get(n) : rendered.get(n).withMentions(named);
            byIndex.put(fresh.get(n), message);
            events.publishEvent(new MessageSent(
                    message,
                    message.sender() == null ? null : message.sender().name(),
                    members.getOrDefault(message.roomId(), List.of()),
                    sends.get(fresh.get(n)).room(),
                    rows.get(n).flagReason()));
        }
        return byIndex;
    }

    private record RoomSender(UUID roomId, String userId) {}

    /** Who the messages of the batch name; a held message's mentions wait without a seq for a moderator. */
    private static List<Mention> mentionsOf(List<Send> sends, List<Integer> fresh, List<MessageRow> rows) {
        List<Mention> named = new ArrayList<>();
        for (int n = 0; n < rows.size(); n++) {
            MessageRow row = rows.get(n);
            for (String userId : sends.get(fresh.get(n)).draft().mentions()) {
                named.add(new Mention(row.id(), userId, row.roomId(), row.seq()));
            }
        }
        return named;
    }

    /** The rooms that this batch numbers notes in and nothing else. */
    private static Set<UUID> notesOnly(List<Send> sends, List<Integer> fresh) {
        Set<UUID> notes = new HashSet<>();
        Set<UUID> others = new HashSet<>();
        for (int i : fresh) {
            Send send = sends.get(i);
            if (!send.draft().held()) {
                (send.draft().type() == MessageType.NOTE ? notes : others)
                        .add(send.room().id());
            }
        }
        notes.removeAll(others);
        return notes;
    }

    /** Which message carries which upload; one upload in two sends fails the batch, and so, alone, the second. */
    private static Map<UUID, UUID> carriedFiles(List<MessageRow> rows) {
        Map<UUID, UUID> carried = new HashMap<>();
        for (MessageRow row : rows) {
            if (row.attachmentId() != null && carried.putIfAbsent(row.attachmentId(), row.id()) != null) {
                throw new ChatException(ErrorCode.CONFLICT, "This file was already sent in a message");
            }
        }
        return carried;
    }

    private MessageRow row(Send send, @Nullable Long seq, Instant now) {
        Draft draft = send.draft();
        Reference ref = draft.reference();
        return new MessageRow(
                UUID.randomUUID(),
                send.room().id(),
                seq,
                send.senderId(),
                draft.type(),
                draft.content(),
                draft.original(),
                draft.clientMsgId(),
                draft.replyTo(),
                ref == null ? null : ref.type(),
                ref == null ? null : ref.id(),
                ref == null ? null : json.writeValueAsString(ref.snapshot()),
                draft.attachmentId(),
                draft.held() ? "pending" : "approved",
                draft.flagReason() != null,
                draft.flagReason(),
                false,
                false,
                now,
                null);
    }
}
