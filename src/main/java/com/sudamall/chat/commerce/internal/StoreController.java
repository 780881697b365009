package com.sudamall.chat.commerce.internal;

import com.sudamall.chat.commerce.CommerceService;
import com.sudamall.chat.commerce.Store;
import com.sudamall.chat.commerce.StoreHours;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.web.ChatException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stores as chat users see them: whether one is open. */
@RestController
@RequestMapping("/api/chat/stores")
@Tag(name = "stores")
class StoreController {

    private final CommerceService commerce;
    private final Clock clock;

    StoreController(CommerceService commerce, Clock clock) {
        this.commerce = commerce;
        this.clock = clock;
    }

    /**
     * The store's availability.
     *
     * @param open whether it is open
     * @param timezone its IANA time zone
     * @param nextOpenAt when it opens next (closed stores)
     * @param nextCloseAt when it closes next (open stores with hours)
     * @param autoReply what customers are told while it is closed
     */
    record Availability(
            boolean open,
            String timezone,
            @Nullable Instant nextOpenAt,
            @Nullable Instant nextCloseAt,
            @Nullable String autoReply) {}

    @Operation(summary = "Whether the store is open now (or at ?at=, an ISO instant), and when that changes")
    @GetMapping("/{storeId}/availability")
    Availability availability(
            CurrentUser user, @PathVariable String storeId, @RequestParam(required = false) @Nullable String at) {
        Store store = commerce.findStore(storeId).orElseThrow(() -> ChatException.notFound("Store"));
        Instant when;
        try {
            when = at == null ? clock.instant() : Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw ChatException.invalid("at", "an ISO-8601 instant such as 2026-03-29T07:30:00Z");
        }
        StoreHours.Availability availability = StoreHours.at(store, when);
        return new Availability(
                availability.open(),
                store.timezone(),
                availability.nextOpenAt(),
                availability.nextCloseAt(),
                store.autoReply());
    }
}
