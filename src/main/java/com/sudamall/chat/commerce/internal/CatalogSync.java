package com.sudamall.chat.commerce.internal;

import com.sudamall.chat.commerce.OrderSnapshot;
import com.sudamall.chat.commerce.Product;
import com.sudamall.chat.commerce.Store;
import com.sudamall.chat.commerce.StoreStaffChanged;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.web.ChatException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Validates and stores what the platform sends about its catalog. */
@Service
class CatalogSync {

    private static final Set<String> DAYS = Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@+-]{1,64}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final StoreRepository stores;
    private final ProductRepository products;
    private final OrderRepository orders;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogSync(
            StoreRepository stores,
            ProductRepository products,
            OrderRepository orders,
            UserService users,
            ApplicationEventPublisher events,
            Clock clock) {
        this.stores = stores;
        this.products = products;
        this.orders = orders;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    boolean save(Store store) {
        requireId(store.id());
        requireText(store.name(), "name", 255);
        List<String> people = new ArrayList<>(store.staffIds());
        people.add(store.ownerId());
        users.ensureExists(people);
        try {
            ZoneId.of(store.timezone());
        } catch (DateTimeException e) {
            throw ChatException.invalid("timezone", "unknown time zone");
        }
        if (store.businessHours() != null) {
            checkHours(store.businessHours());
        }
        if (store.autoReply() != null && store.autoReply().length() > 2000) {
            throw ChatException.invalid("auto_reply", "at most 2000 characters");
        }
        Set<String> before = stores.find(store.id()).map(CatalogSync::storeSide).orElse(Set.of());
        boolean created = stores.save(store, clock.instant());
        if (!created) {
            Set<String> after = storeSide(store);
            List<String> added =
                    after.stream().filter(id -> !before.contains(id)).toList();
            List<String> removed =
                    before.stream().filter(id -> !after.contains(id)).toList();
            if (!added.isEmpty() || !removed.isEmpty()) {
                events.publishEvent(new StoreStaffChanged(store.id(), store.ownerId(), added, removed));
            }
        }
        return created;
    }

    private static Set<String> storeSide(Store store) {
        Set<String> side = new LinkedHashSet<>(store.staffIds());
        side.add(store.ownerId());
        return side;
    }

    @Transactional
    boolean save(Product product) {
        requireId(product.id());
        requireText(product.name(), "name", 255);
        if (product.storeId() != null && stores.find(product.storeId()).isEmpty()) {
            throw ChatException.invalid("store", "unknown store");
        }
        checkMoney(product.price(), product.currency(), "price");
        return products.save(product, clock.instant());
    }

    @Transactional
    boolean save(OrderSnapshot order) {
        requireId(order.id());
        requireText(order.orderNumber(), "order_number", 64);
        UserService.requireValidId(order.customerId(), "customer");
        users.ensureExists(List.of(order.customerId()));
        if (stores.find(order.storeId()).isEmpty()) {
            throw ChatException.invalid("store", "unknown store");
        }
        checkMoney(order.total(), order.currency(), "total");
        return orders.save(order, clock.instant());
    }

    private static void requireId(String id) {
        if (!ID.matcher(id).matches()) {
            throw ChatException.notFound("Resource");
        }
    }

    static void requireText(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ChatException.invalid(field, "is required");
        }
        if (value.length() > max) {
            throw ChatException.invalid(field, "at most " + max + " characters");
        }
    }

    private static void checkMoney(@Nullable String amount, @Nullable String currency, String field) {
        if (amount != null && !DECIMAL.matcher(amount).matches()) {
            throw ChatException.invalid(field, "must be a decimal such as \"12.50\"");
        }
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            throw ChatException.invalid("currency", "must be an ISO 4217 code such as USD");
        }
    }

    private static void checkHours(Map<String, List<List<String>>> hours) {
        hours.forEach((day, intervals) -> {
            if (!DAYS.contains(day) || intervals == null) {
                throw ChatException.invalid("business_hours", "days are mon … sun, each a list of [open, close]");
            }
            for (List<String> interval : intervals) {
                if (interval == null
                        || interval.size() != 2
                        || !parseable(interval.get(0))
                        || !parseable(interval.get(1))) {
                    throw ChatException.invalid("business_hours", "intervals are [\"HH:mm\", \"HH:mm\"]");
                }
            }
        });
    }

    private static boolean parseable(@Nullable String time) {
        try {
            return time != null && (time.equals("24:00") || LocalTime.parse(time) != null);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
