/**
 * Messages: the send path (validation, per-room {@code seq}, idempotent {@code client_msg_id}, publish after commit),
 * edits, soft deletes, history in the seed's page form and by {@code seq} cursor, read cursors and unread counts,
 * product and order shares, and system messages from the platform.
 */
@NullMarked
package com.sudamall.chat.message;

import org.jspecify.annotations.NullMarked;
