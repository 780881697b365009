package com.sudamall.chat.attachment.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes from storage what no message shows: uploads never sent within {@code chat.files.orphan-age}, and files
 * whose message was deleted. Several nodes may sweep at once; removing a file twice is harmless.
 */
@Component
class AttachmentSweeper {

    private static final Logger log = LoggerFactory.getLogger(AttachmentSweeper.class);
    private static final int BATCH = 200;

    private final AttachmentRepository attachments;
    private final Uploads uploads;
    private final AttachmentProperties properties;
    private final Clock clock;

    AttachmentSweeper(AttachmentRepository attachments, Uploads uploads, AttachmentProperties properties, Clock clock) {
        this.attachments = attachments;
        this.uploads = uploads;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${chat.files.sweep-interval:10m}",
            fixedDelayString = "${chat.files.sweep-interval:10m}")
    void sweep() {
        int orphans = sweep(() -> attachments.orphans(Instant.now(clock).minus(properties.orphanAge()), BATCH));
        int released = sweep(() -> attachments.released(BATCH));
        if (orphans + released > 0) {
            log.info("Removed {} unsent uploads and {} files of deleted messages", orphans, released);
        }
    }

    /** Removes batch after batch until one comes back short, or storage fails. */
    private int sweep(java.util.function.Supplier<List<AttachmentRow>> next) {
        int removed = 0;
        while (true) {
            List<AttachmentRow> batch = next.get();
            for (AttachmentRow row : batch) {
                try {
                    uploads.remove(row);
                    removed++;
                } catch (IOException e) {
                    log.warn(
                            "Could not remove attachment {} from storage; next sweep retries: {}",
                            row.id(),
                            e.getMessage());
                    return removed;
                }
            }
            if (batch.size() < BATCH) {
                return removed;
            }
        }
    }
}
