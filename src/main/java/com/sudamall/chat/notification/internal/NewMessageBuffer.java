package com.sudamall.chat.notification.internal;

import com.sudamall.chat.notification.internal.NotificationRepository.NewMessage;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects a transaction's {@code new_message} notifications and writes them just before it commits: a batch of sends
 * writes each recipient's row of a room once, pointing at the newest message, in one JDBC batch.
 */
final class NewMessageBuffer {

    private record Key(String userId, UUID roomId) {}

    private final NotificationRepository notifications;
    private final Clock clock;

    NewMessageBuffer(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    void add(List<NewMessage> notes) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            notifications.upsertNewMessages(notes, Timestamps.now(clock));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Key, NewMessage> pending = (Map<Key, NewMessage>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Map<Key, NewMessage> created = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    notifications.upsertNewMessages(List.copyOf(created.values()), Timestamps.now(clock));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(NewMessageBuffer.this);
                }
            });
            pending = created;
        }
        for (NewMessage note : notes) {
            // Events come in seq order: the last one of a room is its newest message.
            pending.put(new Key(note.userId(), note.roomId()), note);
        }
    }
}
