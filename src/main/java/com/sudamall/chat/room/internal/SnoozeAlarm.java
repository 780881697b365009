package com.sudamall.chat.room.internal;

import com.sudamall.chat.room.Conversations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens snoozed conversations when their time comes. Every node checks; each conversation is taken under its row
 * lock and only while still due, so one node opens it, once.
 */
@Component
class SnoozeAlarm {

    private static final Logger log = LoggerFactory.getLogger(SnoozeAlarm.class);
    private static final int BATCH = 200;

    private final Conversations conversations;

    SnoozeAlarm(Conversations conversations) {
        this.conversations = conversations;
    }

    @Scheduled(fixedDelayString = "${chat.desk.snooze-check:30s}", initialDelayString = "${chat.desk.snooze-check:30s}")
    void wake() {
        try {
            int woken;
            do {
                woken = conversations.wakeSnoozed(BATCH);
                if (woken > 0) {
                    log.info("{} snoozed conversations open again", woken);
                }
            } while (woken == BATCH);
        } catch (RuntimeException e) {
            log.warn("snoozed conversations not checked: {}", e.getMessage());
        }
    }
}
