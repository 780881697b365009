package com.sudamall.chat.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.Browser;
import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The web client in real browsers: a customer and a store owner, each in their own headless Chromium, talk through
 * the page exactly as people would. Screenshots of the main screens land in {@code target/screenshots}.
 */
class WebClientIntegrationTests extends IntegrationTest {

    @BeforeAll
    static void chromium() {
        Browser.requireChromium();
    }

    @Test
    void aCustomerAndAStoreOwnerHoldAConversationWithPicturesThroughDropsAndDeletes() throws Exception {
        ChatClient owner = login("owner", "store_owner");
        ChatClient alice = login("alice", "customer");
        // a staff member makes the room three people: read ticks still follow the store side's reading
        String store = createStore(owner, login("kim", "store_staff"));
        String product = createProduct(store, "Blue Ceramic Mug");
        String roomId = roomId(productInquiry(alice, store, owner.id, product));
        String page = "http://localhost:" + port + "/";
        String roomButton = "button.room[data-room-id='" + roomId + "']";

        try (Browser customer = Browser.open(1280, 800);
                Browser shop = Browser.open(1280, 800)) {
            customer.get(page + "?token=" + alice.token() + "#room=" + roomId);
            shop.get(page + "?token=" + owner.token());
            shop.find(roomButton);
            // the inbox shows the customer with initials, and cuts a long preview with an ellipsis
            shop.until(
                    "the customer's initials",
                    () -> shop.find(roomButton + " .avatar").getText().equals(initials(alice.name)));
            awaitOnline(customer);
            awaitOnline(shop);

            // a message goes out on Enter and arrives live, with an unread badge in the store's inbox
            customer.find("#composer-input").sendKeys("Is the mug dishwasher safe?" + Keys.ENTER);
            shop.until(
                    "an unread badge",
                    () -> shop.find(roomButton + " .badge").getText().equals("1"));
            shop.find(roomButton).click();
            shop.until("the message", () -> texts(shop).contains("Is the mug dishwasher safe?"));
            shop.until(
                    "the product beside the conversation",
                    () -> shop.find(".context").getText().contains("Blue Ceramic Mug"));
            customer.until(
                    "the store's hours",
                    () -> customer.find(".availability").getText().equals("Open now"));

            // the store opened it: the customer's tick turns to read
            customer.until(
                    "a read tick", () -> customer.find("li.mine .ticks.read").isDisplayed());

            // typing shows on the other side, and ends when the message is sent
            shop.find("#composer-input").sendKeys("Yes, it");
            customer.until(
                    "the typing line", () -> customer.find(".typing").getText().contains(owner.name));
            shop.find("#composer-input").sendKeys(" is!" + Keys.ENTER);
            customer.until("the answer", () -> texts(customer).contains("Yes, it is!"));
            customer.until(
                    "no typing line", () -> customer.find(".typing").getText().isEmpty());

            // no actions printed under the bubbles; each message's menu works from the keyboard alone
            assertThat(shop.all(".messages [role=menuitem]").stream().filter(WebElement::isDisplayed))
                    .isEmpty();
            shop.script("document.querySelector('li.theirs .menu-button').focus()");
            shop.press(Keys.ENTER);
            shop.until(
                    "the menu on its first item", () -> shop.focused().getText().equals("Reply"));
            assertThat(shop.focused().getAttribute("role")).isEqualTo("menuitem");
            shop.press(Keys.ARROW_DOWN);
            assertThat(shop.focused().getText()).isEqualTo("Report");
            shop.press(Keys.END);
            assertThat(shop.focused().getText()).as("the reactions come last").startsWith("React ");
            shop.press(Keys.ARROW_DOWN);
            assertThat(shop.focused().getText()).as("the arrows wrap").isEqualTo("Reply");
            shop.press(Keys.ESCAPE);
            assertThat(shop.focused().getAttribute("aria-label")).isEqualTo("Message actions");
            assertThat(shop.focused().getAttribute("aria-expanded")).isEqualTo("false");
            shop.press(Keys.ARROW_UP);
            shop.until(
                    "the menu on its last item", () -> shop.focused().getText().startsWith("React "));
            shop.press(Keys.HOME, Keys.ENTER);
            shop.until("the reply bar", () -> shop.find(".reply-bar").getText().contains("Replying to " + alice.name));
            assertThat(shop.focused().getAttribute("id")).isEqualTo("composer-input");
            shop.find(".reply-bar button").click();

            // a picture: uploaded with the file picker, shown as a thumbnail on the other side
            Path picture = picture();
            customer.present("#file-input").sendKeys(picture.toAbsolutePath().toString());
            shop.until("the thumbnail", () -> Boolean.TRUE.equals(shop.script("""
                    const img = document.querySelector('li.theirs img.thumbnail');
                    return !!img && img.complete && img.naturalWidth > 0 && img.src.startsWith('blob:')""")));
            customer.until(
                    "its own thumbnail",
                    () -> Boolean.TRUE.equals(
                            customer.script(
                                    "const img = document.querySelector('li.mine img.thumbnail'); return !!img && img.naturalWidth > 0")));
            customer.screenshot("customer-conversation");
            shop.screenshot("store-conversation");

            // the store's connection drops: what is sent meanwhile arrives once, what it typed goes out once
            shop.script("window.__chat.socket.simulateDrop(3000)");
            shop.until(
                    "the offline banner",
                    () -> shop.find("#connection").getText().contains("offline"));
            for (int i = 1; i <= 3; i++) {
                alice.post("rooms/" + roomId + "/send_message/", Map.of("content", "While you were away " + i))
                        .expect(201);
            }
            shop.find("#composer-input").sendKeys("Typed while offline" + Keys.ENTER);
            assertThat(shop.script("""
                    const banner = document.getElementById('connection').getBoundingClientRect();
                    return [...document.querySelectorAll('header')].some(h => {
                      const r = h.getBoundingClientRect();
                      return r.width > 0 && banner.top < r.bottom && banner.bottom > r.top
                          && banner.left < r.right && banner.right > r.left;
                    })"""))
                    .as("the offline banner covers a header")
                    .isEqualTo(false);
            shop.screenshot("store-offline");
            shop.until(
                    "back online",
                    () -> Boolean.TRUE.equals(shop.script("return document.getElementById('connection').hidden")));
            shop.until("every missed message, once", () -> {
                List<String> shown = texts(shop);
                return Collections.frequency(shown, "While you were away 1") == 1
                        && Collections.frequency(shown, "While you were away 2") == 1
                        && Collections.frequency(shown, "While you were away 3") == 1;
            });
            customer.until("the queued message", () -> texts(customer).contains("Typed while offline"));
            assertThat(Collections.frequency(texts(customer), "Typed while offline"))
                    .isEqualTo(1);
            assertThat(Collections.frequency(texts(shop), "Typed while offline"))
                    .isEqualTo(1);
            JsonNode stored = alice.get("rooms/" + roomId + "/messages/?limit=100")
                    .expect(200)
                    .path("messages");
            assertThat(stored.valueStream()
                            .filter(m -> m.path("content").asString().equals("Typed while offline")))
                    .hasSize(1);

            // a deleted message disappears live on the other side: its menu shows when the pointer is on it
            WebElement doomed = (WebElement) customer.script("""
                    return [...document.querySelectorAll('li.mine')]
                        .find(li => li.querySelector('.text')?.textContent === 'While you were away 2')""");
            WebElement menu = doomed.findElement(By.cssSelector(".menu-button"));
            customer.hover(doomed.findElement(By.cssSelector(".bubble")));
            customer.until("the menu button", menu::isDisplayed);
            menu.click();
            customer.until(
                    "the menu",
                    () -> doomed.findElements(By.cssSelector("[role=menuitem]")).stream()
                            .filter(WebElement::isDisplayed)
                            .map(WebElement::getText)
                            .limit(3) // then the reactions
                            .toList()
                            .equals(List.of("Reply", "Edit", "Delete")));
            doomed.findElement(By.xpath(".//*[@role='menuitem'][.='Delete']")).click();
            customer.accept();
            shop.until(
                    "the deletion",
                    () -> !texts(shop).contains("While you were away 2")
                            && texts(shop).contains("This message was deleted"));

            shop.resize(390, 844);
            shop.screenshot("phone-conversation");
            shop.find("#back").click();
            shop.screenshot("phone-inbox");
        }
    }

    @Test
    void aNewcomerSignsInAsTheDemoCustomerAndSharesTheMugAndAnOrder() {
        try (Browser browser = Browser.open(1280, 800)) {
            browser.get("http://localhost:" + port + "/");
            browser.find("button.demo-user[data-user-id='demo-alice']");
            browser.screenshot("sign-in");
            browser.find("button.demo-user[data-user-id='demo-alice']").click();
            browser.until("signed in", () -> browser.find("#me").getText().equals("Alice Moreno"));

            browser.find(".new-chat summary").click();
            browser.find("#new-chat button[type=submit]").click();
            browser.until(
                    "the conversation with the demo store",
                    () -> browser.find(".conversation-header").getText().contains("Blue Ceramic Mug"));
            browser.find(".share-product").click();
            browser.until(
                    "the product card",
                    () -> browser.find(".messages .card.product").getText().contains("Blue Ceramic Mug"));
            // the card shows the product's picture, and its name links to the product's page
            browser.until("the product's picture", () -> Boolean.TRUE.equals(browser.script("""
                    const img = document.querySelector('.messages .card.product img.card-image');
                    return !!img && img.complete && img.naturalWidth > 0""")));
            assertThat(browser.find(".messages .card.product a.card-title").getAttribute("href"))
                    .isEqualTo("https://shop.example.com/products/demo-mug");

            // her orders at the store are offered in a picker: nobody types an order id
            browser.until("her orders", () -> browser.find("#order-picker").isEnabled());
            assertThat(browser.all("#order-picker option").stream().map(WebElement::getText))
                    .anySatisfy(o -> assertThat(o).startsWith("ORD-1001 · paid"))
                    .anySatisfy(o -> assertThat(o).startsWith("ORD-1002 · shipped"));
            browser.find("#order-picker option[value='demo-order-1001']").click();
            browser.find(".share-order button").click();
            browser.until(
                    "the order card",
                    () -> browser.find(".messages .card.order").getText().contains("ORD-1001"));
            browser.until(
                    "the order beside the conversation",
                    () -> browser.find(".context").getText().contains("ORD-1001"));
            browser.screenshot("customer-cards");

            // the search box finds the order in her conversations, highlighted, and opens its room
            browser.find("#search-input").sendKeys("ORD-1001" + Keys.ENTER);
            browser.until(
                    "a search hit",
                    () -> browser.find("#search-results .search-hit mark")
                            .getText()
                            .toLowerCase()
                            .startsWith("ord"));
            browser.find("#search-results .search-hit").click();
            browser.until(
                    "the room opened",
                    () -> browser.find(".conversation-header").getText().contains("Blue Ceramic Mug"));
        }
    }

    @Test
    void aLongHistoryScrollsBackToItsFirstMessageInOrder() throws Exception {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String roomId = roomId(privateRoom(alice, bob));
        int count = 3_000;
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            // eight senders at once: the room's seq, not the order the requests were made, gives the history's order
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                ChatClient sender = i % 2 == 0 ? alice : bob;
                String text = "Message number " + i;
                sent.add(senders.submit(() -> sender.post("rooms/" + roomId + "/send_message/", Map.of("content", text))
                        .expect(201)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
        try (Browser browser = Browser.open(1280, 900)) {
            browser.get("http://localhost:" + port + "/?token=" + alice.token() + "#room=" + roomId);
            browser.until(
                    "the newest page", () -> browser.all(".messages li.message").size() >= 50);
            long started = System.nanoTime();
            // sixty pages, each asked for when the view reaches the top
            browser.until("the whole history", Duration.ofSeconds(90), () -> {
                browser.script("document.querySelector('.scroller').scrollTop = 0");
                return Boolean.FALSE.equals(browser.script("return window.__chat.conversation.hasMore"))
                        && !Boolean.TRUE.equals(browser.script("return window.__chat.conversation.loadingOlder"));
            });
            System.out.printf("3,000-message room scrolled back in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            @SuppressWarnings("unchecked")
            List<Long> seqs = (List<Long>) browser.script(
                    "return [...document.querySelectorAll('.messages li.message')].map(li => Number(li.dataset.seq))");
            assertThat(seqs).hasSize(count);
            for (int i = 0; i < count; i++) {
                assertThat(seqs.get(i)).isEqualTo(i + 1L);
            }
        }
    }

    @Test
    void chatWithTheStoreFromAProductPageOpensThatConversation() {
        ChatClient owner = login("owner", "store_owner");
        ChatClient alice = login("alice", "customer");
        String store = createStore(owner);
        String product = createProduct(store, "Walnut Desk Lamp");
        try (Browser browser = Browser.open(1024, 768)) {
            browser.get("http://localhost:" + port + "/?token=" + alice.token() + "&store=" + store + "&product="
                    + product);
            browser.until(
                    "the conversation about the lamp",
                    () -> browser.find(".conversation-header").getText().contains("Walnut Desk Lamp"));
            browser.find("#composer-input").sendKeys("Does it come with a bulb?" + Keys.ENTER);
            browser.until(
                    "the message stored",
                    () -> browser.all("li.pending").isEmpty() && texts(browser).contains("Does it come with a bulb?"));
        }
        JsonNode rooms = owner.get("rooms/").expect(200).path("results");
        assertThat(rooms.size()).isEqualTo(1);
        assertThat(rooms.get(0).path("product").path("id").asString()).isEqualTo(product);
        JsonNode messages = owner.get("rooms/" + rooms.get(0).path("room_id").asString() + "/messages/")
                .expect(200)
                .path("messages");
        assertThat(messages.size()).isEqualTo(1);
        assertThat(messages.get(0).path("content").asString()).isEqualTo("Does it come with a bulb?");
    }

    @Test
    void thePageMayBeFramedByTheMarketplaceAndRunsOnlyItsOwnScripts() {
        var page = anonymous().get("/");
        assertThat(page.status()).isEqualTo(200);
        String policy = page.headers().firstValue("content-security-policy").orElse("");
        assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'self'");
        assertThat(page.headers().firstValue("x-frame-options")).isEmpty();
        assertThat(anonymous().get("rooms/").headers().firstValue("x-frame-options"))
                .contains("DENY");
    }

    @Test
    void aCustomerTurnsOffMissedMessageEmailsAndMutesAConversation() {
        ChatClient alice = login("alice", "customer");
        ChatClient bob = login("bob", "customer");
        String roomId = roomId(privateRoom(alice, bob));
        try (Browser browser = Browser.open(1280, 800)) {
            browser.get("http://localhost:" + port + "/?token=" + alice.token() + "#room=" + roomId);
            awaitOnline(browser);
            browser.find(".settings summary").click();
            browser.until(
                    "the e-mail setting, on",
                    () -> browser.find("#email-alerts").isSelected());
            browser.find("#email-alerts").click();
            browser.until(
                    "the e-mail setting stored off",
                    () -> !alice.get("me/").expect(200).path("email_alerts").asBoolean());

            browser.until(
                    "the mute button",
                    () -> browser.find(".conversation-header .mute").getText().equals("Mute"));
            browser.find(".conversation-header .mute").click();
            browser.until(
                    "muted",
                    () -> browser.find(".conversation-header .mute").getText().equals("Unmute"));
            assertThat(alice.get("rooms/" + roomId + "/")
                            .expect(200)
                            .path("is_muted")
                            .asBoolean())
                    .isTrue();
            browser.screenshot("settings");
        }
    }

    @Test
    void aGroupMemberMentionsAnotherWithThePickerAndTheyAreTold() {
        ChatClient alice = login("alice", "customer");
        ChatClient bob = login("bob", "customer");
        ChatClient carol = login("carol", "customer");
        String group = roomId(groupRoom(alice, bob, carol));
        String elsewhere = roomId(privateRoom(bob, carol));
        try (Browser writer = Browser.open(1280, 800);
                Browser named = Browser.open(1280, 800)) {
            named.get("http://localhost:" + port + "/?token=" + bob.token() + "#room=" + elsewhere);
            awaitOnline(named);
            writer.get("http://localhost:" + port + "/?token=" + alice.token() + "#room=" + group);
            awaitOnline(writer);

            writer.find("#composer-input").sendKeys("@" + bob.name.substring(0, 3));
            writer.until(
                    "the picker offering Bob",
                    () -> writer.find("#mention-menu").isDisplayed()
                            && writer.find("#mention-menu").getText().contains(bob.name)
                            && !writer.find("#mention-menu").getText().contains(alice.name));
            writer.press(Keys.ENTER);
            writer.until(
                    "the name written out",
                    () -> writer.find("#composer-input").getAttribute("value").equals("@" + bob.name + " "));
            writer.find("#composer-input").sendKeys("can you bring the cups?", Keys.ENTER);
            writer.until("the message sent", () -> texts(writer).contains("@" + bob.name + " can you bring the cups?"));

            // Bob, in another room, sees the group marked as mentioning him, live, and the message marked in it
            String badge = ".room[data-room-id='" + group + "'] .mention-badge";
            named.until("the mention badge", () -> !named.all(badge).isEmpty());
            named.screenshot("mention-badge");
            named.find(".room[data-room-id='" + group + "']").click();
            named.until(
                    "the message marked as naming him",
                    () -> named.all(".message.mentions-me").size() == 1);
            assertThat(named.find(".message.mentions-me").getText()).contains("can you bring the cups?");
        }
        JsonNode stored = bob.get("rooms/" + group + "/messages/?limit=5&mark_read=false")
                .expect(200)
                .path("messages")
                .get(0);
        assertThat(stored.path("mentions").get(0).asString()).isEqualTo(bob.id);
    }

    @Test
    void aModeratorRejectsAFlaggedMessageAndItDisappearsForTheParticipants() {
        ChatClient moderator = login("moderator", "moderator");
        ChatClient alice = login("alice", "customer");
        ChatClient bob = login("bob", "customer");
        String roomId = roomId(privateRoom(alice, bob));
        send(alice, roomId, "Hello Bob");
        String insult =
                send(alice, roomId, "You are a complete idiot").path("id").asString();
        send(alice, roomId, "Anyway, the mug?");
        bob.post("messages/" + insult + "/flag/", Map.of("reason", "insult")).expect(201);

        try (Browser participant = Browser.open(1280, 800);
                Browser console = Browser.open(1280, 800)) {
            participant.get("http://localhost:" + port + "/?token=" + bob.token() + "#room=" + roomId);
            participant.until("the message", () -> texts(participant).contains("You are a complete idiot"));
            console.get("http://localhost:" + port + "/?token=" + moderator.token());
            console.find("#moderation-open").click();
            String entry = "li.flag[data-message-id='" + insult + "']";
            console.until(
                    "the flag with its context",
                    () -> console.find(entry).getText().contains("Hello Bob")
                            && console.find(entry).getText().contains("Reported by " + bob.name));
            console.screenshot("moderation-queue");
            console.find(entry + " .decision-reason").sendKeys("insult");
            console.find(entry + " .reject").click();
            console.until("the queue without it", () -> console.all(entry).isEmpty());

            participant.until(
                    "the message gone live",
                    () -> !texts(participant).contains("You are a complete idiot")
                            && participant.find(".messages").getText().contains("This message was deleted"));

            // the views are tabs: the arrow keys move between them
            console.find("[role=tab][aria-selected=true]").sendKeys(Keys.ARROW_RIGHT);
            console.until(
                    "the audit tab",
                    () -> console.focused().getText().equals("Audit log")
                            && "true".equals(console.focused().getAttribute("aria-selected")));
            console.until(
                    "the audit entry", () -> console.find(".audit").getText().contains("moderation.rejected"));
            assertThat(console.find(".audit").getText()).contains("insult");
        }
    }

    @Test
    void markupInMessagesNamesAndSearchResultsStaysText() {
        // words around the markup: PostgreSQL's text search skips tags
        String attack = "look <img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script> here";
        String markupName = "<b onmouseover=\"window.__xss=3\">Alice</b>";
        String aliceId = freshId("alice");
        JsonNode token = anonymous()
                .post(
                        "/api/auth/dev-login",
                        Map.of("user_id", aliceId, "name", markupName, "roles", List.of("customer")))
                .expect(200);
        ChatClient alice = new ChatClient(port, token.path("token").asString(), aliceId, markupName);
        ChatClient bob = login("bob", "customer");
        String roomId = roomId(privateRoom(alice, bob));
        send(alice, roomId, attack);
        try (Browser browser = Browser.open(1280, 800)) {
            browser.get("http://localhost:" + port + "/?token=" + bob.token() + "#room=" + roomId);
            browser.until("the message, as text", () -> texts(browser).contains(attack));
            browser.find("#search-input").sendKeys("look" + Keys.ENTER);
            browser.until(
                    "the search hit",
                    () -> browser.find("#search-results").getText().contains("look"));
            assertThat(browser.script("return window.__xss === undefined")).isEqualTo(Boolean.TRUE);
            assertThat(browser.script(
                            "return document.querySelectorAll('.messages img[src=\"x\"], .messages script, .rooms b,"
                                    + " #search-results img, .conversation-header b').length"))
                    .isEqualTo(0L);
            assertThat(browser.find(".conversation-header").getText()).contains("<b onmouseover");
        }
    }

    private static String initials(String name) {
        String[] words = name.trim().split("\\s+");
        String initials = words.length > 1
                ? "" + words[0].charAt(0) + words[words.length - 1].charAt(0)
                : words[0].substring(0, Math.min(2, words[0].length()));
        return initials.toUpperCase(java.util.Locale.ROOT);
    }

    private static void awaitOnline(Browser browser) {
        browser.until("the socket", () -> "open".equals(browser.script("return window.__chat?.socket.status")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Browser browser) {
        return (List<String>)
                browser.script("return [...document.querySelectorAll('.messages .text')].map(p => p.textContent)");
    }

    private static Path picture() throws Exception {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 110, 190));
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.WHITE);
        g.fillOval(200, 120, 240, 240);
        g.dispose();
        Path file = Files.createTempFile("mug-", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
