package com.sudamall.chat.room.internal;

import com.sudamall.chat.commerce.StoreStaffChanged;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.room.MemberJoined;
import com.sudamall.chat.room.MemberLeft;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomChanged;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A store's owner and staff answer its customers: newcomers join every active conversation of the store, and those
 * who left the store leave all of its conversations (inactive ones too, which they could otherwise still read), in
 * the transaction that changes the store. The store side does not count toward a customer-store room's
 * participant limit, which is about the customer's side.
 */
@Component
class StoreStaffSync {

    private final RoomRepository rooms;
    private final MemberRepository members;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StoreStaffSync(
            RoomRepository rooms,
            MemberRepository members,
            UserService users,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rooms = rooms;
        this.members = members;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(StoreStaffChanged change) {
        users.ensureExists(change.added());
        Instant now = Timestamps.now(clock);
        for (Room room : rooms.findCustomerRooms(change.storeId())) {
            List<String> present = members.memberIds(room.id());
            boolean changed = false;
            for (String userId : change.added()) {
                if (room.isActive() && !present.contains(userId)) {
                    members.add(room.id(), userId, now);
                    events.publishEvent(new MemberJoined(room.id(), room.name(), userId, change.ownerId()));
                    changed = true;
                }
            }
            for (String userId : change.removed()) {
                if (!userId.equals(room.customerId()) && members.remove(room.id(), userId)) {
                    events.publishEvent(new MemberLeft(room.id(), room.name(), userId, members.memberIds(room.id())));
                    changed = true;
                }
            }
            if (changed) {
                events.publishEvent(new RoomChanged(room.id()));
            }
        }
    }
}
