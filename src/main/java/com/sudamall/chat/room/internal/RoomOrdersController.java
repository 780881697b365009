package com.sudamall.chat.room.internal;

import com.sudamall.chat.commerce.CommerceService;
import com.sudamall.chat.commerce.OrderSnapshot;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orders a store conversation can share: its customer's orders at its store, for the order picker, so nobody
 * types an order id. Each of them passes {@code share_order}'s check for the room's customer and the store's team.
 */
@RestController
@RequestMapping("/api/chat/rooms/{roomId}/orders")
@Tag(name = "rooms")
class RoomOrdersController {

    private static final int LIMIT = 50;

    private final RoomAccess access;
    private final CommerceService commerce;

    RoomOrdersController(RoomAccess access, CommerceService commerce) {
        this.access = access;
        this.commerce = commerce;
    }

    /**
     * An order as the picker shows it.
     *
     * @param id the platform's order id, what {@code share_order} takes
     * @param orderNumber the number the customer knows
     * @param status the platform's status
     * @param total decimal total
     * @param currency ISO 4217 code
     */
    record Order(
            String id,
            String orderNumber,
            @Nullable String status,
            @Nullable String total,
            @Nullable String currency) {}

    record Orders(List<Order> results) {}

    @Operation(summary = "The customer's orders at the room's store, newest first (at most 50); empty in other rooms")
    @GetMapping
    Orders list(CurrentUser user, @PathVariable UUID roomId) {
        Room room = access.requireVisible(user, roomId);
        if (room.type() != RoomType.CUSTOMER_STORE || room.customerId() == null || room.storeId() == null) {
            return new Orders(List.of());
        }
        return new Orders(commerce.ordersOf(room.customerId(), room.storeId(), LIMIT).stream()
                .map(RoomOrdersController::picked)
                .toList());
    }

    private static Order picked(OrderSnapshot order) {
        return new Order(order.id(), order.orderNumber(), order.status(), order.total(), order.currency());
    }
}
