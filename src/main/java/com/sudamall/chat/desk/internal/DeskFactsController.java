package com.sudamall.chat.desk.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Paging;
import com.sudamall.chat.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** How a store answers: ratings of resolved conversations, and the reply-time facts they and the desk produce. */
@RestController
@Tag(name = "store desk")
class DeskFactsController {

    private final Ratings ratings;
    private final StoreStats stats;

    DeskFactsController(Ratings ratings, StoreStats stats) {
        this.ratings = ratings;
        this.stats = stats;
    }

    record RatingJson(int rating, @Nullable String comment, Instant createdAt) {}

    record RatingState(
            int resolution, boolean requested, @Nullable RatingJson rating) {
        static RatingState of(Ratings.State state) {
            return new RatingState(
                    state.resolution(),
                    state.requested(),
                    state.rating() == null
                            ? null
                            : new RatingJson(
                                    state.rating().rating(),
                                    state.rating().comment(),
                                    state.rating().createdAt()));
        }
    }

    @Operation(summary = "Whether the conversation's customer is asked for a rating, and the one they gave")
    @GetMapping("/api/chat/rooms/{roomId}/rating")
    RatingState rating(CurrentUser user, @PathVariable UUID roomId) {
        return RatingState.of(ratings.state(user, roomId));
    }

    record RateBody(@Nullable Integer rating, @Nullable String comment) {}

    @Operation(summary = "Rate a resolved conversation, 1 to 5 (its customer, once per resolution)")
    @Problems({ErrorCode.FORBIDDEN, ErrorCode.CONFLICT})
    @PostMapping("/api/chat/rooms/{roomId}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    RatingState rate(CurrentUser user, @PathVariable UUID roomId, @RequestBody RateBody body) {
        return RatingState.of(ratings.rate(user, roomId, body.rating(), body.comment()));
    }

    @Operation(summary = "The store's first-response and resolution times, statuses and ratings (its team only)")
    @GetMapping("/api/chat/stores/{storeId}/stats")
    StoreStats.Stats stats(
            CurrentUser user,
            @PathVariable String storeId,
            @Parameter(description = "the last this many days, 1 to 90 (30)") @RequestParam(required = false) @Nullable
                    Integer days) {
        return stats.stats(user, storeId, Paging.limit(days, "days", 30, 90));
    }

    @Operation(summary = "How fast the store usually replies, for its product pages (anyone signed in)")
    @GetMapping("/api/chat/stores/{storeId}/responsiveness")
    StoreStats.Responsiveness responsiveness(@PathVariable String storeId) {
        return stats.responsiveness(storeId);
    }
}
