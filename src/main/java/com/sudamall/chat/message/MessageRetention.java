package com.sudamall.chat.message;

import com.sudamall.chat.attachment.AttachmentService;
import com.sudamall.chat.message.internal.MessageRepository;
import com.sudamall.chat.message.internal.MessageRetentionRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes messages past their retention, a batch per transaction, never from rooms under legal hold. Their files
 * are released (no longer served, then swept from storage) and {@link MessagesExpired} lets the rest follow.
 */
@Service
public class MessageRetention {

    private final MessageRepository messages;
    private final MessageRetentionRepository retained;
    private final AttachmentService attachments;
    private final ApplicationEventPublisher events;

    MessageRetention(
            MessageRepository messages,
            MessageRetentionRepository retained,
            AttachmentService attachments,
            ApplicationEventPublisher events) {
        this.messages = messages;
        this.retained = retained;
        this.attachments = attachments;
        this.events = events;
    }

    /** Removes up to {@code batch} of the oldest messages sent before the cut-off; returns how many. */
    @Transactional
    public int removeSentBefore(Instant cutoff, int batch) {
        List<MessageRetentionRepository.Expired> expired = retained.findExpired(cutoff, batch);
        if (expired.isEmpty()) {
            return 0;
        }
        List<UUID> ids =
                expired.stream().map(MessageRetentionRepository.Expired::id).toList();
        attachments.release(expired.stream()
                .map(MessageRetentionRepository.Expired::attachmentId)
                .filter(Objects::nonNull)
                .toList());
        events.publishEvent(new MessagesExpired(ids));
        messages.deleteAll(ids);
        return ids.size();
    }
}
