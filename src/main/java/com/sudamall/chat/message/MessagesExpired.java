package com.sudamall.chat.message;

import java.util.List;
import java.util.UUID;

/**
 * Messages whose content is gone for good (retention removed them, or a privacy erasure emptied them), published
 * inside the transaction that does it, so what refers to
 * them (notifications) goes in the same commit.
 *
 * @param messageIds the removed messages
 */
public record MessagesExpired(List<UUID> messageIds) {}
