package com.sudamall.chat.notification.internal;

import java.util.UUID;

/**
 * One webhook to deliver, stored by the event publication registry in the transaction that caused it: the body is
 * rendered then, so a retry sends the very same bytes.
 *
 * @param id the event's id, the same on every attempt ({@code X-Chat-Delivery}); receivers dedupe by it
 * @param type the event type ({@code X-Chat-Event})
 * @param body the JSON body
 */
public record WebhookDelivery(UUID id, String type, String body) {}
