package com.sudamall.chat.moderation.internal;

/** What the content filters do with a finding, per room type; later values win when a text has several. */
enum FilterPolicy {
    /** Delivered as written. */
    ALLOW,
    /** Hidden from the other participants behind a placeholder; the writer and moderators see the text. */
    MASK,
    /** Delivered as written, and queued for the moderators. */
    FLAG,
    /** Refused with 400 {@code blocked_content}. */
    BLOCK
}
