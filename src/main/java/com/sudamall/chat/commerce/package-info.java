/**
 * The marketplace around the chat: stores (owner, staff, timezone, business hours, auto-reply), products and
 * orders, as snapshots the platform syncs through the integration API. Rooms and shares refer to them by id.
 */
@NullMarked
package com.sudamall.chat.commerce;

import org.jspecify.annotations.NullMarked;
