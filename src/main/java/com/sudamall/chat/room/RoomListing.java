package com.sudamall.chat.room;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.room.internal.RoomRepository;
import com.sudamall.chat.web.TimeCursor;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** A user's rooms, newest activity first, a page at a time: the seed's room list and the store desk's inbox. */
@Service
public class RoomListing {

    private final RoomRepository rooms;

    RoomListing(RoomRepository rooms) {
        this.rooms = rooms;
    }

    /**
     * A page of the user's active rooms, newest activity first.
     *
     * @param rooms the rooms of this page
     * @param nextCursor where the next page starts, null on the last page
     */
    public record RoomPage(List<Room> rooms, @Nullable String nextCursor) {}

    public RoomPage list(CurrentUser user, RoomFilter filter, @Nullable String cursor, int limit) {
        List<Room> page = new ArrayList<>(rooms.findForMember(user.id(), filter, TimeCursor.parse(cursor), limit + 1));
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            Room last = page.getLast();
            next = new TimeCursor(last.lastMessageAt() != null ? last.lastMessageAt() : last.createdAt(), last.id())
                    .encode();
        }
        return new RoomPage(page, next);
    }
}
