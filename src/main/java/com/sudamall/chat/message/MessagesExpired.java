package com.sudamall.chat.message;

import java.util.List;
import java.util.UUID;

/**
 * Messages removed for good by retention, published inside the transaction that removes them, so what refers to
 * them (notifications) goes in the same commit.
 *
 * @param messageIds the removed messages
 */
public record MessagesExpired(List<UUID> messageIds) {}
