package com.sudamall.chat.desk.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sudamall.chat.commerce.CommerceService;
import com.sudamall.chat.commerce.Store;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.room.Conversation;
import com.sudamall.chat.room.ConversationStatus;
import com.sudamall.chat.room.Conversations;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A store's reply-time facts over its conversations of the last days, read through an index range of that store
 * (never a scan of all conversations): first response and resolution times, the share answered within an hour, and
 * ratings. The public answer ({@link #responsiveness}) is remembered per store for a few minutes.
 */
@Service
class StoreStats {

    static final Duration HOUR = Duration.ofHours(1);
    private static final int MIN_SAMPLE = 5;

    record Times(
            int count,
            @Nullable Long medianSeconds,
            @Nullable Long p90Seconds) {}

    record RatingFacts(int count, @Nullable Double average, Map<String, Long> distribution) {}

    record Stats(
            int periodDays,
            int conversations,
            Map<String, Long> byStatus,
            Times firstResponse,
            @Nullable Double answeredWithinHourShare,
            Times resolution,
            RatingFacts ratings) {}

    record Responsiveness(
            @Nullable Long medianFirstResponseSeconds,
            @Nullable Double answeredWithinHourShare,
            int sampleSize,
            @Nullable String summary) {}

    private final Conversations conversations;
    private final Ratings ratings;
    private final CommerceService commerce;
    private final StoreTeams teams;
    private final Clock clock;
    private final Cache<String, Responsiveness> remembered = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    StoreStats(Conversations conversations, Ratings ratings, CommerceService commerce, StoreTeams teams, Clock clock) {
        this.teams = teams;
        this.conversations = conversations;
        this.ratings = ratings;
        this.commerce = commerce;
        this.clock = clock;
    }

    /** For the store's team (owner, staff, moderators); anyone else gets 404, as for a store that does not exist. */
    Stats stats(CurrentUser user, String storeId, int days) {
        Store store = teams.require(user, storeId);
        Instant now = Timestamps.now(clock);
        Instant since = now.minus(Duration.ofDays(days));
        List<Conversation> started = conversations.ofStore(store.id(), since);
        List<Integer> given = ratings.ofStore(store.id(), since);
        Map<String, Long> byStatus = new TreeMap<>();
        for (ConversationStatus status : ConversationStatus.values()) {
            byStatus.put(status.wireName(), 0L);
        }
        started.forEach(c -> byStatus.merge(c.status().wireName(), 1L, Long::sum));
        Map<String, Long> distribution = new TreeMap<>();
        for (int stars = 1; stars <= 5; stars++) {
            distribution.put(Integer.toString(stars), 0L);
        }
        given.forEach(stars -> distribution.merge(Integer.toString(stars), 1L, Long::sum));
        return new Stats(
                days,
                started.size(),
                byStatus,
                times(started.stream()
                        .filter(c -> c.firstResponseAt() != null)
                        .map(c -> Duration.between(c.firstMessageAt(), c.firstResponseAt()))
                        .toList()),
                withinHourShare(started, now),
                times(started.stream()
                        .filter(c -> c.status() == ConversationStatus.RESOLVED && c.resolvedAt() != null)
                        .map(c -> Duration.between(c.firstMessageAt(), c.resolvedAt()))
                        .toList()),
                new RatingFacts(
                        given.size(),
                        given.isEmpty()
                                ? null
                                : Math.round(given.stream()
                                                        .mapToInt(Integer::intValue)
                                                        .average()
                                                        .orElse(0)
                                                * 10)
                                        / 10.0,
                        distribution));
    }

    /** What a product page may show: how fast the store usually answers, over the last 30 days. */
    Responsiveness responsiveness(String storeId) {
        Store store = commerce.findStore(storeId).orElseThrow(() -> ChatException.notFound("Store"));
        return remembered.get(store.id(), id -> {
            Instant now = Timestamps.now(clock);
            List<Conversation> started = conversations.ofStore(id, now.minus(Duration.ofDays(30)));
            Times first = times(started.stream()
                    .filter(c -> c.firstResponseAt() != null)
                    .map(c -> Duration.between(c.firstMessageAt(), c.firstResponseAt()))
                    .toList());
            Double share = withinHourShare(started, now);
            return new Responsiveness(
                    first.medianSeconds(),
                    share,
                    first.count(),
                    first.count() < MIN_SAMPLE ? null : summary(first.medianSeconds()));
        });
    }

    /**
     * Of the conversations that could have been answered within an hour by now (answered, or waiting longer), the
     * share that were; null when there are none.
     */
    private static @Nullable Double withinHourShare(List<Conversation> started, Instant now) {
        List<Conversation> due = started.stream()
                .filter(c -> c.firstResponseAt() != null
                        || c.firstMessageAt().plus(HOUR).isBefore(now))
                .toList();
        if (due.isEmpty()) {
            return null;
        }
        long within = due.stream()
                .filter(c -> c.firstResponseAt() != null
                        && Duration.between(c.firstMessageAt(), c.firstResponseAt())
                                        .compareTo(HOUR)
                                <= 0)
                .count();
        return Math.round(within * 1000.0 / due.size()) / 1000.0;
    }

    private static Times times(List<Duration> durations) {
        if (durations.isEmpty()) {
            return new Times(0, null, null);
        }
        List<Long> seconds =
                durations.stream().map(Duration::toSeconds).sorted().toList();
        return new Times(seconds.size(), percentile(seconds, 0.5), percentile(seconds, 0.9));
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String summary(long medianSeconds) {
        if (medianSeconds <= HOUR.toSeconds()) {
            return "usually replies within an hour";
        }
        if (medianSeconds <= Duration.ofHours(4).toSeconds()) {
            return "usually replies within a few hours";
        }
        if (medianSeconds <= Duration.ofDays(1).toSeconds()) {
            return "usually replies within a day";
        }
        return "usually replies in more than a day";
    }
}
