package com.sudamall.chat.desk.internal;

import com.sudamall.chat.commerce.CommerceService;
import com.sudamall.chat.commerce.Store;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.web.ChatException;
import org.springframework.stereotype.Component;

/** Who may use a store's desk: its owner and staff, and moderators. */
@Component
class StoreTeams {

    private final CommerceService commerce;

    StoreTeams(CommerceService commerce) {
        this.commerce = commerce;
    }

    /** The store, if the user is of its team; a 404 as for a store that does not exist otherwise. */
    Store require(CurrentUser user, String storeId) {
        return commerce.findStore(storeId)
                .filter(store -> store.isStoreSide(user.id()) || user.isModerator())
                .orElseThrow(() -> ChatException.notFound("Store"));
    }
}
