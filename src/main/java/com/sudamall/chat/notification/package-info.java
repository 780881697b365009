/**
 * The seed's in-app notifications ({@code room_created}, {@code participant_added}, {@code participant_left},
 * {@code file_shared}, and {@code new_message} coalesced to one row per user and room), written from room and
 * message events. Missed-message e-mail and webhooks come here too.
 */
@NullMarked
package com.sudamall.chat.notification;

import org.jspecify.annotations.NullMarked;
