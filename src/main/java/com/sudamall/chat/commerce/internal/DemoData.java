package com.sudamall.chat.commerce.internal;

import com.sudamall.chat.commerce.OrderSnapshot;
import com.sudamall.chat.commerce.Product;
import com.sudamall.chat.commerce.Store;
import com.sudamall.chat.identity.NewProfile;
import com.sudamall.chat.identity.Role;
import com.sudamall.chat.identity.UserService;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Dev mode only: a store with its owner and staff, products with pictures, two orders and two customers, so a newcomer can log in
 * as any of them at once. Written on every start (upserts), so it comes back as it was.
 */
@Component
@ConditionalOnProperty(name = "chat.identity.dev-mode", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final String STORE = "demo-store";

    private final UserService users;
    private final CatalogSync catalog;

    DemoData(UserService users, CatalogSync catalog) {
        this.users = users;
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.save(user("demo-owner", "Sam Rivera", Role.STORE_OWNER));
        users.save(user("demo-staff", "Kim Lee", Role.STORE_STAFF));
        users.save(user("demo-alice", "Alice Moreno", Role.CUSTOMER));
        users.save(user("demo-bob", "Bob Okafor", Role.CUSTOMER));
        users.save(user("demo-moderator", "Mia Chen", Role.MODERATOR));
        catalog.save(new Store(
                STORE,
                "Sudamall Demo Store",
                "demo-owner",
                List.of("demo-staff"),
                "Europe/Berlin",
                null,
                "Thanks for your message! We're closed right now and will answer when we open."));
        catalog.save(product("demo-mug", "Blue Ceramic Mug", "12.50"));
        catalog.save(product("demo-lamp", "Walnut Desk Lamp", "49.00"));
        catalog.save(product("demo-tote", "Canvas Tote Bag", "18.00"));
        catalog.save(new OrderSnapshot("demo-order-1001", "ORD-1001", "demo-alice", STORE, "paid", "25.00", "USD"));
        catalog.save(new OrderSnapshot("demo-order-1002", "ORD-1002", "demo-alice", STORE, "shipped", "49.00", "USD"));
        log.info(
                "Demo data ready: users demo-owner, demo-staff, demo-alice, demo-bob, demo-moderator; store {}", STORE);
    }

    /** Pictures ship with the web client; the links stand for the marketplace's product pages. */
    private static Product product(String id, String name, String price) {
        return new Product(
                id,
                STORE,
                name,
                price,
                "USD",
                "/img/products/" + id + ".svg",
                "https://shop.example.com/products/" + id);
    }

    private static NewProfile user(String id, String name, Role role) {
        return new NewProfile(id, name, id + "@example.com", null, Set.of(role));
    }
}
