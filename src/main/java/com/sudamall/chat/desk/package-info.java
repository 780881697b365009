/**
 * The store desk: what turns customer_store and customer_support rooms into a team's inbox beyond the conversation
 * state the room module keeps. Messages move conversations (a customer's reopens it, the team's first answers it),
 * and assignments are told in the room.
 */
@NullMarked
package com.sudamall.chat.desk;

import org.jspecify.annotations.NullMarked;
