/**
 * Keeping the marketplace's conversations safe: reports on messages (flags, one open flag per message listing all
 * its reporters), and later content filters, the moderation queue, blocks, mutes and rate limits.
 */
@NullMarked
package com.sudamall.chat.moderation;

import org.jspecify.annotations.NullMarked;
