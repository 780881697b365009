package com.sudamall.chat.commerce;

import java.util.List;

/**
 * The platform changed a store's staff; published in the transaction that stores the change, so the store's
 * conversations follow in the same commit.
 *
 * @param storeId the store
 * @param ownerId its owner
 * @param added new staff
 * @param removed former staff (never the owner)
 */
public record StoreStaffChanged(String storeId, String ownerId, List<String> added, List<String> removed) {}
