/**
 * The {@link com.sudamall.chat.bus.EventBus} port: carries serialized room events between the nodes of a cluster
 * (in-process on a single node). The database stays the source of truth; the bus is the fast path.
 */
@NullMarked
package com.sudamall.chat.bus;

import org.jspecify.annotations.NullMarked;
