package com.sudamall.chat.bus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.bus.BusEvent;
import com.sudamall.chat.bus.Channel;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BusEventTextTests {

    private final UUID room = UUID.randomUUID();

    @Test
    void aMessageEventCrossesTheBusWhole() {
        BusEvent sent = new BusEvent(Channel.room(room), "{\"type\":\"message\"}\nline two", null, 42, null, 1_700_000);

        BusEvent read = BusEventText.read(Channel.room(room), BusEventText.write(sent));

        assertThat(read).isEqualTo(sent);
    }

    @Test
    void theSkippedUserAndTheTimeSurviveEvenWithATabInTheUserId() {
        BusEvent sent = new BusEvent(Channel.room(room), "{\"type\":\"typing\"}", "user\twith tab", 0, null, 123);

        assertThat(BusEventText.read(Channel.room(room), BusEventText.write(sent)))
                .isEqualTo(sent);
    }

    @Test
    void membershipChangesKeepTheirTime() {
        BusEvent sent = BusEvent.membership(Channel.user("u1"), room, "u1", true);

        BusEvent read = BusEventText.read(Channel.user("u1"), BusEventText.write(sent));

        assertThat(read.membership()).isEqualTo(sent.membership());
        assertThat(read.publishedAt()).isEqualTo(sent.publishedAt()).isPositive();
    }

    /** During a rolling upgrade, events from nodes of the release before carry no time. */
    @Test
    void readsTheFormatOfTheReleaseBefore() {
        String old = "u7\n42\n\n{\"type\":\"message\"}";

        BusEvent read = BusEventText.read(Channel.room(room), old);

        assertThat(read.skipUserId()).isEqualTo("u7");
        assertThat(read.seq()).isEqualTo(42);
        assertThat(read.frame()).isEqualTo("{\"type\":\"message\"}");
        assertThat(read.publishedAt()).isZero();
    }

    /** What a node of the release before makes of this release's events: the skipped user matches no one. */
    @Test
    void theReleaseBeforeReadsTheTimeAsPartOfTheSkippedUser() {
        String written = BusEventText.write(new BusEvent(Channel.room(room), "{}", null, 5, null, 99));

        String oldSkip = written.substring(0, written.indexOf('\n'));

        assertThat(oldSkip).isEqualTo("\t99");
        assertThat(Long.parseLong(
                        written.substring(written.indexOf('\n') + 1, written.indexOf('\n', oldSkip.length() + 1))))
                .isEqualTo(5);
    }
}
