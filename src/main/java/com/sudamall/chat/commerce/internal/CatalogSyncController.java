package com.sudamall.chat.commerce.internal;

import com.sudamall.chat.commerce.OrderSnapshot;
import com.sudamall.chat.commerce.Product;
import com.sudamall.chat.commerce.Store;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform's backend syncs stores, products and orders: {@code PUT /api/integration/{kind}/{id}} upserts. */
@RestController
@RequestMapping("/api/integration")
@Tag(name = "integration")
class CatalogSyncController {

    private final CatalogSync sync;

    CatalogSyncController(CatalogSync sync) {
        this.sync = sync;
    }

    record StoreBody(
            @Nullable String name,
            @Nullable String owner,
            @Nullable List<String> staff,
            @Nullable String timezone,
            @Nullable Map<String, List<List<String>>> businessHours,
            @Nullable String autoReply) {}

    record ProductBody(
            @Nullable String name,
            @Nullable String store,
            @Nullable String price,
            @Nullable String currency,
            @Nullable String imageUrl,
            @Nullable String url) {}

    record OrderBody(
            @Nullable String orderNumber,
            @Nullable String customer,
            @Nullable String store,
            @Nullable String status,
            @Nullable String total,
            @Nullable String currency) {}

    @ApiResponse(responseCode = "201", description = "A new store", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Updated", useReturnTypeSchema = true)
    @PutMapping("/stores/{id}")
    ResponseEntity<Store> putStore(@PathVariable String id, @RequestBody StoreBody body) {
        CatalogSync.requireText(body.owner(), "owner", 64);
        CatalogSync.requireText(body.name(), "name", 255);
        Store store = new Store(
                id,
                body.name(),
                body.owner(),
                body.staff() == null ? List.of() : List.copyOf(body.staff()),
                body.timezone() == null ? "UTC" : body.timezone(),
                body.businessHours(),
                body.autoReply());
        return answer(sync.save(store), store);
    }

    @ApiResponse(responseCode = "201", description = "A new product", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Updated", useReturnTypeSchema = true)
    @PutMapping("/products/{id}")
    ResponseEntity<Product> putProduct(@PathVariable String id, @RequestBody ProductBody body) {
        CatalogSync.requireText(body.name(), "name", 255);
        Product product =
                new Product(id, body.store(), body.name(), body.price(), body.currency(), body.imageUrl(), body.url());
        return answer(sync.save(product), product);
    }

    @ApiResponse(responseCode = "201", description = "A new order", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Updated", useReturnTypeSchema = true)
    @PutMapping("/orders/{id}")
    ResponseEntity<OrderSnapshot> putOrder(@PathVariable String id, @RequestBody OrderBody body) {
        CatalogSync.requireText(body.orderNumber(), "order_number", 64);
        CatalogSync.requireText(body.customer(), "customer", 64);
        CatalogSync.requireText(body.store(), "store", 64);
        OrderSnapshot order = new OrderSnapshot(
                id, body.orderNumber(), body.customer(), body.store(), body.status(), body.total(), body.currency());
        return answer(sync.save(order), order);
    }

    private static <T> ResponseEntity<T> answer(boolean created, T body) {
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(body);
    }
}
