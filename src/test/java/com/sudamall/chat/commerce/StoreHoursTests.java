package com.sudamall.chat.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Opening hours in a store's own time zone: across midnight, across time zones, and across daylight saving. */
class StoreHoursTests {

    private static final List<List<String>> NINE_TO_FIVE = List.of(List.of("09:00", "17:00"));
    private static final Map<String, List<List<String>>> EVERY_DAY_NINE_TO_FIVE = Map.of(
            "mon",
            NINE_TO_FIVE,
            "tue",
            NINE_TO_FIVE,
            "wed",
            NINE_TO_FIVE,
            "thu",
            NINE_TO_FIVE,
            "fri",
            NINE_TO_FIVE,
            "sat",
            NINE_TO_FIVE,
            "sun",
            NINE_TO_FIVE);

    private static Store store(String zone, Map<String, List<List<String>>> hours) {
        return new Store("s", "Shop", "owner", List.of(), zone, hours, null);
    }

    private static StoreHours.Availability at(Store store, String instant) {
        return StoreHours.at(store, Instant.parse(instant));
    }

    @Test
    void theNightBeforeSpringForwardOpensAnHourEarlierInUtc() {
        Store berlin = store("Europe/Berlin", EVERY_DAY_NINE_TO_FIVE);
        // Saturday 28 March 2026, 21:00 CET; clocks go forward at 02:00 that night
        StoreHours.Availability saturdayNight = at(berlin, "2026-03-28T20:00:00Z");
        assertThat(saturdayNight.open()).isFalse();
        assertThat(saturdayNight.nextOpenAt()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z")); // 09:00 CEST
        // the Friday before, 09:00 was 08:00 UTC
        assertThat(at(berlin, "2026-03-27T07:30:00Z").nextOpenAt()).isEqualTo(Instant.parse("2026-03-27T08:00:00Z"));
    }

    @Test
    void anOpeningAcrossFallBackLastsItsRealLength() {
        // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET, so 01:00–04:00 is four hours long
        Store berlin = store("Europe/Berlin", Map.of("sun", List.of(List.of("01:00", "04:00"))));
        StoreHours.Availability during = at(berlin, "2026-10-25T02:30:00Z"); // 03:30 CET
        assertThat(during.open()).isTrue();
        assertThat(during.nextCloseAt()).isEqualTo(Instant.parse("2026-10-25T03:00:00Z")); // 04:00 CET
        assertThat(at(berlin, "2026-10-24T22:59:00Z").open()).isFalse(); // 00:59 CEST
        assertThat(at(berlin, "2026-10-24T23:00:00Z").open()).isTrue(); // 01:00 CEST
    }

    @Test
    void anOpeningPastMidnightBelongsToTheDayItStarted() {
        Store bar = store("America/New_York", Map.of("fri", List.of(List.of("22:00", "02:00"))));
        // Saturday 5 December 2026, 01:00 EST: still Friday's opening
        StoreHours.Availability late = at(bar, "2026-12-05T06:00:00Z");
        assertThat(late.open()).isTrue();
        assertThat(late.nextCloseAt()).isEqualTo(Instant.parse("2026-12-05T07:00:00Z"));
        StoreHours.Availability after = at(bar, "2026-12-05T07:00:00Z");
        assertThat(after.open()).isFalse();
        assertThat(after.nextOpenAt()).isEqualTo(Instant.parse("2026-12-12T03:00:00Z")); // next Friday 22:00 EST
    }

    @Test
    void touchingOpeningsAcrossMidnightAreOne() {
        Store late = store(
                "UTC", Map.of("mon", List.of(List.of("18:00", "24:00")), "tue", List.of(List.of("00:00", "03:00"))));
        StoreHours.Availability mondayNight = at(late, "2026-11-30T23:00:00Z");
        assertThat(mondayNight.open()).isTrue();
        assertThat(mondayNight.nextCloseAt()).isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));
    }

    @Test
    void theSameInstantIsDayInOneZoneAndNightInAnother() {
        Instant instant = Instant.parse("2026-12-02T03:00:00Z");
        assertThat(StoreHours.at(store("Asia/Tokyo", EVERY_DAY_NINE_TO_FIVE), instant)
                        .open())
                .isTrue(); // 12:00
        StoreHours.Availability newYork = StoreHours.at(store("America/New_York", EVERY_DAY_NINE_TO_FIVE), instant);
        assertThat(newYork.open()).isFalse(); // 22:00 the day before
        assertThat(newYork.nextOpenAt()).isEqualTo(Instant.parse("2026-12-02T14:00:00Z"));
    }

    @Test
    void noHoursIsAlwaysOpenAndNoDaysIsAlwaysClosed() {
        StoreHours.Availability always = StoreHours.at(store("UTC", null), Instant.parse("2026-12-02T03:00:00Z"));
        assertThat(always.open()).isTrue();
        assertThat(always.nextCloseAt()).isNull();
        StoreHours.Availability never = StoreHours.at(store("UTC", Map.of()), Instant.parse("2026-12-02T03:00:00Z"));
        assertThat(never.open()).isFalse();
        assertThat(never.nextOpenAt()).isNull();
        Map<String, List<List<String>>> roundTheClock = new java.util.HashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")) {
            roundTheClock.put(day, List.of(List.of("00:00", "24:00")));
        }
        StoreHours.Availability open =
                StoreHours.at(store("UTC", roundTheClock), Instant.parse("2026-12-02T03:00:00Z"));
        assertThat(open.open()).isTrue();
        assertThat(open.nextCloseAt()).isNull();
    }
}
