package com.sudamall.chat.desk.internal;

import com.sudamall.chat.commerce.Store;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** A store's desk settings: its team reads them, its owner (or a moderator) changes them. */
@Service
class StoreDesk {

    static final int MAX_OPEN_LIMIT = 1000;

    private final DeskSettingsRepository settings;
    private final StoreTeams teams;
    private final AutoAssignment autoAssignment;
    private final Clock clock;

    StoreDesk(DeskSettingsRepository settings, StoreTeams teams, AutoAssignment autoAssignment, Clock clock) {
        this.settings = settings;
        this.teams = teams;
        this.autoAssignment = autoAssignment;
        this.clock = clock;
    }

    DeskSettingsRepository.Settings get(CurrentUser user, String storeId) {
        return settings.find(teams.require(user, storeId).id());
    }

    DeskSettingsRepository.Settings put(
            CurrentUser user, String storeId, @Nullable Boolean autoAssign, @Nullable Integer maxOpen) {
        Store store = teams.require(user, storeId);
        if (!store.ownerId().equals(user.id()) && !user.isModerator()) {
            throw ChatException.forbidden("Only the store's owner changes how its conversations are assigned");
        }
        if (autoAssign == null) {
            throw ChatException.invalid("auto_assign", "is required");
        }
        if (maxOpen != null && (maxOpen < 1 || maxOpen > MAX_OPEN_LIMIT)) {
            throw ChatException.invalid("max_open", "between 1 and " + MAX_OPEN_LIMIT + ", or null for no cap");
        }
        settings.save(store.id(), autoAssign, maxOpen, Timestamps.now(clock));
        autoAssignment.forget(store.id());
        return settings.find(store.id());
    }
}
