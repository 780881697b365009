package com.sudamall.chat.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sudamall.chat.message.ContentScreen.Screened;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomType;
import com.sudamall.chat.web.ChatException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.DefaultResourceLoader;

/** The content filters on realistic messages, including the near misses that must go through untouched. */
class ContentFilterTests {

    private final ContentFilter filter = new ContentFilter(
            new FilterProperties(
                    Map.of(
                            "customer_store", FilterPolicy.MASK,
                            "group", FilterPolicy.FLAG,
                            "private", FilterPolicy.BLOCK,
                            "default", FilterPolicy.ALLOW),
                    Map.of("default", FilterPolicy.MASK, "customer_support", FilterPolicy.ALLOW),
                    "classpath:moderation/words.txt",
                    List.of("sudamall.com")),
            new DefaultResourceLoader());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Call me on +49 171 2345678 and we skip the fees",
                "my number is (555) 123-4567",
                "text me 0171/2345678 tonight",
                "555.123.4567 is my cell",
                "ring 00 44 20 7946 0958",
                "+1-202-555-0143",
                "write to bob.smith+shop@gmail.com instead",
                "bob at gmail dot com",
                "bob (at) gmail (dot) com",
                "cheaper at https://cheap-mugs.example.net/offer?id=1",
                "order at www.mugs4less.shop",
                "mugs4less.com has it for less",
                "whatsapp: mugseller99",
                "find me on telegram @mugdeals",
                "IG @mug.deals.official",
                "wa.me/491712345678",
                "call +49 171 2345678 / 0171 2345678",
            })
    void contactInformationIsHiddenFromTheOthers(String text) {
        Screened screened = filter.screen(room(RoomType.CUSTOMER_STORE), text);
        assertThat(screened.original()).isEqualTo(text);
        assertThat(screened.content()).isNotEqualTo(text).contains("hidden]");
        assertThat(screened.flagReason()).isNull();
    }

    @Test
    void onlyTheContactPartIsHidden() {
        Screened screened =
                filter.screen(room(RoomType.CUSTOMER_STORE), "Great mug! Call me on +49 171 2345678, thanks.");
        assertThat(screened.content()).isEqualTo("Great mug! Call me on [phone number hidden], thanks.");
        assertThat(filter.screen(room(RoomType.CUSTOMER_STORE), "mail bob@example.org or see shop.example.com")
                        .content())
                .isEqualTo("mail [e-mail address hidden] or see [link hidden]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Order ORD-1001 total 25.00 USD",
                "Your order 100200300 ships tomorrow",
                "Order #100200300",
                "EAN 4006381333931",
                "SKU: 4006381333931",
                "Tracking number 1Z999AA10123456784",
                "Price is $12.50, 2 for $20.00",
                "Total 1,299.00 EUR for 3 mugs",
                "Delivery on 2026-12-15 between 09:00 and 12:00",
                "Delivered 15.12.2026",
                "Size 120 x 80 cm, 2.5 kg",
                "We have 12 500 units in stock",
                "See sudamall.com/p/blue-mug or https://www.sudamall.com/stores/s1",
                "I'm at the store, e.g. tomorrow at 10",
                "Call me maybe. Is it dishwasher safe?",
                "The Scunthorpe branch has it",
                "Signal is weak here, the line is busy",
                "back at work. It arrives Monday",
                "we ship at cost. In most cases it's free",
                "Delivery on 15.12.2026 10:00",
                "my order is 100200300",
                "orders 100200300, order no. 100200301",
                "Sure.It works now",
                "meet you in line @5pm",
            })
    void nearMissesGoThroughUntouched(String text) {
        assertThat(filter.screen(room(RoomType.CUSTOMER_STORE), text)).isEqualTo(Screened.clean(text));
    }

    @Test
    void listedWordsAreStarredWholeWordsOnly() {
        Screened screened = filter.screen(room(RoomType.GROUP), "this is Shit, total bullshitting");
        assertThat(screened.content()).isEqualTo("this is ****, total bullshitting");
        assertThat(screened.original()).isEqualTo("this is Shit, total bullshitting");
        assertThat(filter.screen(room(RoomType.CUSTOMER_SUPPORT), "this is shit"))
                .isEqualTo(Screened.clean("this is shit"));
    }

    @Test
    void flagDeliversAsWrittenAndSaysWhy() {
        Screened screened = filter.screen(room(RoomType.GROUP), "reach me at +49 171 2345678");
        assertThat(screened.content()).isEqualTo("reach me at +49 171 2345678");
        assertThat(screened.original()).isNull();
        assertThat(screened.flagReason()).isEqualTo("Content filter: a phone number");
    }

    @Test
    void blockRefusesAndAllowLetsThrough() {
        assertThatThrownBy(() -> filter.screen(room(RoomType.PRIVATE), "mail me: bob@example.org"))
                .isInstanceOfSatisfying(
                        ChatException.class, e -> assertThat(e.code().code()).isEqualTo("blocked_content"));
        assertThat(filter.screen(room(RoomType.CUSTOMER_SUPPORT), "mail me: bob@example.org"))
                .isEqualTo(Screened.clean("mail me: bob@example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.", "ig me ", "a-", "x", "1 ", "telegram ", "bob at ", "1.", "@a"})
    void longHostileTextsAreScreenedWithoutBlowingUp(String unit) {
        String text = unit.repeat(5000 / unit.length());
        assertThat(filter.screen(room(RoomType.CUSTOMER_STORE), text).content()).isNotNull();
    }

    private static Room room(RoomType type) {
        Instant now = Instant.now();
        return new Room(
                UUID.randomUUID(),
                "room",
                type,
                null,
                null,
                null,
                true,
                true,
                true,
                2,
                false,
                null,
                false,
                null,
                0,
                null,
                now,
                now);
    }
}
