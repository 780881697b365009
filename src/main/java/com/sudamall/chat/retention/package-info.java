/**
 * Retention: a scheduled job that removes messages older than {@code chat.retention.max-age} (the seed's
 * {@code MESSAGE_RETENTION_DAYS}) in batches, with their notifications and files, never from rooms under legal hold.
 */
@NullMarked
package com.sudamall.chat.retention;

import org.jspecify.annotations.NullMarked;
