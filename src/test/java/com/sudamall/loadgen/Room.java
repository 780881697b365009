package com.sudamall.loadgen;

import java.util.List;

/**
 * A room of the load and the tokens of its members, one socket each.
 *
 * @param id the room's id
 * @param tokens one token per member (for the ceiling server, any string)
 */
record Room(String id, List<String> tokens) {}
