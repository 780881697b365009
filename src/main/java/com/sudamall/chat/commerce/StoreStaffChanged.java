package com.sudamall.chat.commerce;

import java.util.List;

/**
 * The platform changed who answers a store's customers (its owner and staff); published in the transaction that
 * stores the change, so the store's conversations follow in the same commit.
 *
 * @param storeId the store
 * @param ownerId its owner now
 * @param added new owner or staff
 * @param removed former owner or staff
 */
public record StoreStaffChanged(String storeId, String ownerId, List<String> added, List<String> removed) {}
