/**
 * The WebSocket layer: handshake and authentication, the session registry, per-socket send buffers, fan-out of room
 * events, typing. It owns socket concerns only; every rule lives in the services it calls. No module depends on it.
 */
@NullMarked
package com.sudamall.chat.realtime;

import org.jspecify.annotations.NullMarked;
