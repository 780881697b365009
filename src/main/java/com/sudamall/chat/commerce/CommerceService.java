package com.sudamall.chat.commerce;

import com.sudamall.chat.commerce.internal.OrderRepository;
import com.sudamall.chat.commerce.internal.ProductRepository;
import com.sudamall.chat.commerce.internal.StoreRepository;
import com.sudamall.chat.web.ChatException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Read access to stores, products and orders for the other modules. */
@Service
public class CommerceService {

    private final StoreRepository stores;
    private final ProductRepository products;
    private final OrderRepository orders;

    CommerceService(StoreRepository stores, ProductRepository products, OrderRepository orders) {
        this.stores = stores;
        this.products = products;
        this.orders = orders;
    }

    public Optional<Store> findStore(String id) {
        return stores.find(id);
    }

    /** The store a request body names, or a 400 naming {@code field}. */
    public Store requireStore(String id, String field) {
        return stores.find(id).orElseThrow(() -> ChatException.invalid(field, "unknown store"));
    }

    public Map<String, Store> stores(Collection<String> ids) {
        return stores.findAll(ids).stream().collect(Collectors.toMap(Store::id, Function.identity()));
    }

    /** The product a request body names, or a 400 naming {@code field}. */
    public Product requireProduct(String id, String field) {
        return products.find(id).orElseThrow(() -> ChatException.invalid(field, "unknown product"));
    }

    public Map<String, Product> products(Collection<String> ids) {
        return products.findAll(ids).stream().collect(Collectors.toMap(Product::id, Function.identity()));
    }

    /** The order a request body names, or a 400 naming {@code field}. */
    public OrderSnapshot requireOrder(String id, String field) {
        return orders.find(id).orElseThrow(() -> ChatException.invalid(field, "unknown order"));
    }

    /** The customer's orders at the store, newest first: what a store conversation can share. */
    public List<OrderSnapshot> ordersOf(String customerId, String storeId, int limit) {
        return orders.findByCustomerAndStore(customerId, storeId, limit);
    }

    /** Ids of the stores the user owns or works for. */
    public List<String> storesOf(String userId) {
        return stores.idsOfOwnerOrStaff(userId);
    }
}
