package com.sudamall.chat.message.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.message.MessageSearch;
import com.sudamall.chat.message.SearchHit;
import com.sudamall.chat.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/chat/search/?q=}: messages of the caller's rooms. */
@RestController
@Tag(name = "messages")
class SearchController {

    private final MessageSearch search;

    SearchController(MessageSearch search) {
        this.search = search;
    }

    record Results(List<SearchHit> results) {}

    @Operation(summary = "Search the messages of my rooms: every word must match; newest first, with snippets")
    @GetMapping("/api/chat/search")
    Results search(
            CurrentUser user,
            @RequestParam(required = false) @Nullable String q,
            @Parameter(description = "only this room's messages")
                    @RequestParam(name = "room_id", required = false)
                    @Nullable
                    UUID roomId,
            @RequestParam(required = false) @Nullable Integer limit) {
        return new Results(search.search(user, q, roomId, Paging.limit(limit, "limit", 20, 50)));
    }
}
