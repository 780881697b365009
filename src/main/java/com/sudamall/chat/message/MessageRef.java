package com.sudamall.chat.message;

import org.jspecify.annotations.Nullable;

/**
 * What a product or order share refers to, with the card as it was when shared, so the message still renders after
 * the product or order changes.
 *
 * @param type {@code product} or {@code order}
 * @param id the platform's id
 * @param snapshot the product card or order summary at share time
 */
public record MessageRef(String type, String id, @Nullable Object snapshot) {}
