package com.sudamall.chat.desk.internal;

import com.sudamall.chat.desk.ConversationRated;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.room.Conversation;
import com.sudamall.chat.room.ConversationStatus;
import com.sudamall.chat.room.Conversations;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's rating of a resolved conversation: 1 to 5 and an optional comment, once per resolution (a
 * conversation resolved, reopened and resolved again is asked again). It feeds the store's stats and a webhook.
 */
@Service
class Ratings {

    static final int MAX_COMMENT = 1000;

    /**
     * Where a conversation's rating stands.
     *
     * @param resolution which resolution the rating is for (0 before the first)
     * @param requested whether the customer is asked for one now: resolved, and not rated yet
     * @param rating the rating of this resolution, if given
     */
    record State(int resolution, boolean requested, RatingRepository.@Nullable Rating rating) {}

    private final RatingRepository ratings;
    private final RoomAccess access;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Ratings(
            RatingRepository ratings,
            RoomAccess access,
            Conversations conversations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.ratings = ratings;
        this.access = access;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    /** What the customer and the team see of the rating; anyone else gets 404, as for the room. */
    State state(CurrentUser user, UUID roomId) {
        Room room = access.requireVisible(user, roomId);
        Conversation conversation = conversation(room);
        RatingRepository.Rating rating = conversation.resolutions() == 0
                ? null
                : ratings.find(room.id(), conversation.resolutions()).orElse(null);
        return new State(
                conversation.resolutions(),
                rating == null && conversation.status() == ConversationStatus.RESOLVED,
                rating);
    }

    /** The room's customer rates its resolution; 409 when it is not resolved or is rated already. */
    @Transactional
    State rate(CurrentUser user, UUID roomId, @Nullable Integer rating, @Nullable String comment) {
        Room room = access.requireVisible(user, roomId);
        if (!user.id().equals(room.customerId())) {
            throw ChatException.forbidden("Only the conversation's customer rates it");
        }
        if (rating == null || rating < 1 || rating > 5) {
            throw ChatException.invalid("rating", "a whole number from 1 to 5");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw ChatException.invalid("comment", "at most " + MAX_COMMENT + " characters");
        }
        Conversation conversation = conversation(room);
        if (conversation.status() != ConversationStatus.RESOLVED) {
            throw new ChatException(ErrorCode.CONFLICT, "Only a resolved conversation is rated");
        }
        Instant now = Timestamps.now(clock);
        try {
            ratings.insert(room.id(), conversation.resolutions(), room.storeId(), user.id(), rating, text, now);
        } catch (DuplicateKeyException e) {
            throw new ChatException(ErrorCode.CONFLICT, "This conversation is rated already");
        }
        events.publishEvent(new ConversationRated(room.id(), room.storeId(), user.id(), rating, text, now));
        return new State(
                conversation.resolutions(),
                false,
                new RatingRepository.Rating(conversation.resolutions(), rating, text, now));
    }

    /** The ratings a store was given since {@code since}. */
    List<Integer> ofStore(String storeId, Instant since) {
        return ratings.ratingsOf(storeId, since);
    }

    private Conversation conversation(Room room) {
        Conversation conversation = conversations.of(List.of(room.id())).get(room.id());
        if (conversation == null) {
            throw ChatException.invalid("room_id", "only customer_store and customer_support rooms are rated");
        }
        return conversation;
    }
}
