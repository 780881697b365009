/**
 * Rooms and membership: the four room types, who may see and manage a room, participants and their limits, and the
 * one active customer-store room per customer and store. Messages live in the message module.
 */
@NullMarked
package com.sudamall.chat.room;

import org.jspecify.annotations.NullMarked;
