package com.sudamall.chat.commerce;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whether a store is open at an instant, from its weekly hours in its own time zone. An interval whose close is not
 * after its open runs past midnight ({@code ["22:00", "02:00"]}); {@code "24:00"} closes at the end of the day.
 * Times that a daylight-saving change skips are moved forward by the gap, and a repeated hour counts once, as
 * {@link java.time.ZonedDateTime} resolves them. Adjacent intervals (Monday to 24:00, Tuesday from 00:00) are one
 * opening.
 */
public final class StoreHours {

    /** How far ahead a next opening or closing is looked for. */
    private static final int HORIZON_DAYS = 8;

    private StoreHours() {}

    /**
     * A store's state at an instant.
     *
     * @param open whether it is open
     * @param zone its time zone
     * @param nextOpenAt when it opens next, if closed (null when it has no opening hours ahead)
     * @param nextCloseAt when it closes next, if open (null when it is always open)
     */
    public record Availability(
            boolean open,
            ZoneId zone,
            @Nullable Instant nextOpenAt,
            @Nullable Instant nextCloseAt) {}

    public static Availability at(Store store, Instant now) {
        ZoneId zone = ZoneId.of(store.timezone());
        Map<String, List<List<String>>> hours = store.businessHours();
        if (hours == null) {
            return new Availability(true, zone, null, null);
        }
        List<Instant[]> openings = openings(hours, zone, now);
        Instant horizon = LocalDate.ofInstant(now, zone)
                .plusDays(HORIZON_DAYS + 1)
                .atStartOfDay(zone)
                .toInstant();
        for (Instant[] opening : openings) {
            if (!now.isBefore(opening[0]) && now.isBefore(opening[1])) {
                // open without a break to the horizon: open around the clock
                return new Availability(true, zone, null, opening[1].isBefore(horizon) ? opening[1] : null);
            }
        }
        Instant nextOpen = openings.stream()
                .map(opening -> opening[0])
                .filter(start -> start.isAfter(now))
                .findFirst()
                .orElse(null);
        return new Availability(false, zone, nextOpen, null);
    }

    /** The openings from the day before {@code now} to the horizon, in order, with touching ones merged. */
    private static List<Instant[]> openings(Map<String, List<List<String>>> hours, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Instant[]> raw = new ArrayList<>();
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(HORIZON_DAYS)); day = day.plusDays(1)) {
            for (List<String> interval : hours.getOrDefault(key(day.getDayOfWeek()), List.of())) {
                LocalTime open = time(interval.get(0));
                boolean endOfDay = interval.get(1).equals("24:00");
                LocalTime close = endOfDay ? LocalTime.MIDNIGHT : time(interval.get(1));
                LocalDate closeDay = endOfDay || !close.isAfter(open) ? day.plusDays(1) : day;
                raw.add(new Instant[] {
                    day.atTime(open).atZone(zone).toInstant(),
                    closeDay.atTime(close).atZone(zone).toInstant()
                });
            }
        }
        raw.sort((a, b) -> a[0].compareTo(b[0]));
        List<Instant[]> merged = new ArrayList<>();
        for (Instant[] opening : raw) {
            Instant[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && !opening[0].isAfter(last[1])) {
                if (opening[1].isAfter(last[1])) {
                    last[1] = opening[1];
                }
            } else {
                merged.add(opening.clone());
            }
        }
        return merged;
    }

    private static String key(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    private static LocalTime time(String text) {
        return text.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(text);
    }
}
