package com.sudamall.chat.desk.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code stores/{id}/desk/}: how a store's conversations are assigned. */
@RestController
@Tag(name = "store desk")
class DeskSettingsController {

    private final StoreDesk desk;

    DeskSettingsController(StoreDesk desk) {
        this.desk = desk;
    }

    record SettingsJson(boolean autoAssign, @Nullable Integer maxOpen) {
        static SettingsJson of(DeskSettingsRepository.Settings settings) {
            return new SettingsJson(settings.autoAssign(), settings.maxOpen());
        }
    }

    record SettingsBody(
            @Nullable Boolean autoAssign, @Nullable Integer maxOpen) {}

    @Operation(summary = "Whether the store's conversations are assigned automatically (its team)")
    @GetMapping("/api/chat/stores/{storeId}/desk")
    SettingsJson get(CurrentUser user, @PathVariable String storeId) {
        return SettingsJson.of(desk.get(user, storeId));
    }

    @Operation(summary = "Turn automatic assignment on or off, with a cap of open conversations per agent (the owner)")
    @Problems({ErrorCode.FORBIDDEN})
    @PutMapping("/api/chat/stores/{storeId}/desk")
    SettingsJson put(CurrentUser user, @PathVariable String storeId, @RequestBody SettingsBody body) {
        return SettingsJson.of(desk.put(user, storeId, body.autoAssign(), body.maxOpen()));
    }
}
