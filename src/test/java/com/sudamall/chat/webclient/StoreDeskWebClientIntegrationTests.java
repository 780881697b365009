package com.sudamall.chat.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.Browser;
import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The store desk in real browsers: a customer asks, the conversation goes to the staff member who is online, who
 * adds a note for the team, answers with a canned reply picked by its shortcut, searches the conversation (where the
 * customer's search never finds the note), resolves it from the keyboard, and sees the customer's rating in the
 * store's reply facts.
 */
class StoreDeskWebClientIntegrationTests extends IntegrationTest {

    @BeforeAll
    static void chromium() {
        Browser.requireChromium();
    }

    @Test
    void aCaseFromQuestionToRating() {
        ChatClient owner = login("owner", "store_owner");
        ChatClient staff = login("sam", "store_staff");
        ChatClient customer = login("alice", "customer");
        String store = createStore(owner, staff);
        owner.put("stores/" + store + "/desk/", Map.of("auto_assign", true)).expect(200);
        owner.post(
                        "stores/" + store + "/canned_replies/",
                        Map.of("shortcut", "thanks", "body", "Thanks for asking, {customer_name}!"))
                .expect(201);
        String roomId = roomId(customerStoreRoom(customer, store, owner.id));
        String page = "http://localhost:" + port + "/";
        String roomButton = "button.room[data-room-id='" + roomId + "']";

        try (Browser desk = Browser.open(1280, 800);
                Browser shopper = Browser.open(1280, 800)) {
            desk.get(page + "?token=" + staff.token());
            awaitOnline(desk);
            shopper.get(page + "?token=" + customer.token() + "#room=" + roomId);
            awaitOnline(shopper);

            // the customer asks; the conversation is given to the one of the team who is online
            shopper.find("#composer-input").sendKeys("Do you ship to Lisbon?" + Keys.ENTER);
            desk.find("#desk-tabs [data-who='mine']").click();
            desk.until(
                    "the conversation under Mine",
                    () -> desk.all(roomButton).size() == 1
                            && desk.find(roomButton + " .room-desk").getText().contains("you"));
            desk.find("#desk-tabs [data-who='unassigned']").click();
            desk.until("nothing unassigned", () -> desk.all(roomButton).isEmpty());
            desk.find("#desk-tabs [data-who='mine']").click();
            desk.find(roomButton).click();
            desk.until("the desk bar", () -> desk.find(".desk-bar").isDisplayed());
            assertThat(desk.script("return document.querySelector('#assignee').value"))
                    .isEqualTo(staff.id);

            // a note for the team, written in note mode (Alt+Shift+N): shown apart, and never on the customer's page
            desk.shortcut("n", Keys.ALT, Keys.SHIFT);
            desk.until(
                    "note mode", () -> "true".equals(desk.find(".note-toggle").getAttribute("aria-pressed")));
            desk.find("#composer-input").sendKeys("Lisbon is zone 2, see the price list" + Keys.ENTER);
            desk.until(
                    "the note, marked as one",
                    () -> desk.all(".message.note:not(.pending) .note-label").size() == 1);
            assertThat(desk.find(".message.note .text").getText()).isEqualTo("Lisbon is zone 2, see the price list");
            desk.find(".note-toggle").click();
            desk.screenshot("desk-conversation");

            // a canned reply by its shortcut, filled in for this customer, read over and sent
            desk.find("#composer-input").sendKeys("/th");
            desk.until("the canned replies", () -> desk.find("#canned-menu").isDisplayed());
            desk.press(Keys.ENTER);
            String filled = "Thanks for asking, " + customer.name + "!";
            desk.until(
                    "the reply in the composer",
                    () -> filled.equals(desk.find("#composer-input").getAttribute("value")));
            desk.press(Keys.ENTER);
            shopper.until("the answer", () -> texts(shopper).contains(filled));
            assertThat(texts(shopper)).noneMatch(text -> text.contains("Lisbon is zone 2"));

            // the customer reacts to the answer from its menu; the team sees it live
            shopper.script(
                    "const li = [...document.querySelectorAll('.message')].find(m => m.textContent.includes(arguments[0]));"
                            + "li.querySelector('.menu-button').click();"
                            + "[...li.querySelectorAll('.menu-item')].find(b => b.textContent.startsWith('React \uD83D\uDC4D')).click();",
                    filled);
            shopper.until("my reaction", () -> shopper.all(".reaction.me").size() == 1);
            desk.until(
                    "the customer's reaction, live",
                    () -> desk.all(".reaction").size() == 1
                            && desk.find(".reaction").getText().contains("1")
                            && desk.all(".reaction.me").isEmpty());

            // search in this conversation: the team finds the question and its own note; a hit is scrolled to
            desk.find(".room-search-toggle").click();
            desk.find("#room-search-input").sendKeys("lisbon" + Keys.ENTER);
            desk.until(
                    "two hits",
                    () -> desk.all(".room-search-results .search-hit").size() == 2);
            desk.find(".room-search-results .search-hit").click();
            desk.until("the hit marked", () -> desk.all(".message.found").size() == 1);
            shopper.find(".room-search-toggle").click();
            shopper.find("#room-search-input").sendKeys("lisbon" + Keys.ENTER);
            shopper.until(
                    "one hit",
                    () -> shopper.all(".room-search-results .search-hit").size() == 1);
            desk.find(".room-search button.link").click();

            // resolved from the keyboard; the customer is asked for a rating and gives one
            desk.shortcut("r", Keys.ALT, Keys.SHIFT);
            desk.until(
                    "resolved",
                    () -> "true"
                            .equals(desk.find(".desk-bar [data-status='resolved']")
                                    .getAttribute("aria-pressed")));
            shopper.until("the rating card", () -> shopper.find(".rating-card").isDisplayed());
            shopper.screenshot("desk-rating");
            shopper.find(".rating-card [data-stars='5']").click();
            shopper.find("#rating-comment").sendKeys("Quick answer");
            shopper.find(".rating-card button[type=submit]").click();
            shopper.until(
                    "thanks", () -> shopper.find(".rating-card.rated").getText().contains("5 of 5"));

            // the store's facts beside the conversation count it
            desk.find("#desk-tabs [data-status='resolved']").click();
            desk.find(roomButton).click();
            desk.until(
                    "the rating in the store's facts",
                    () -> desk.find(".store-facts").getText().contains("5 of 5 (1)"));
            desk.screenshot("desk-facts");
        }
    }

    private static void awaitOnline(Browser browser) {
        browser.until("the socket", () -> "open".equals(browser.script("return window.__chat?.socket.status")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Browser browser) {
        return (List<String>)
                browser.script("return [...document.querySelectorAll('.messages .text')].map(p => p.textContent)");
    }
}
