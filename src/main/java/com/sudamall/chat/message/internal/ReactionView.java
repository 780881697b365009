package com.sudamall.chat.message.internal;

import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.Reaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Puts reactions on rendered messages: one query for the counts of a whole page, and one for the reader's own when
 * any message of it has reactions. Emoji come in the configured order (one no longer configured keeps its count,
 * after them); a deleted message shows none.
 */
@Component
class ReactionView {

    private final ReactionRepository reactions;
    private final List<String> order;

    ReactionView(ReactionRepository reactions, MessageProperties properties) {
        this.reactions = reactions;
        this.order = properties.reactions();
    }

    /** The messages with their reactions; {@code readerId} null for a frame rendered once for the whole room. */
    List<Message> attach(List<Message> messages, @Nullable String readerId) {
        List<UUID> ids = messages.stream()
                .filter(m -> !m.isDeleted() && m.seq() != null)
                .map(Message::id)
                .toList();
        Map<UUID, Map<String, Long>> counts = reactions.counts(ids);
        if (counts.isEmpty()) {
            return messages;
        }
        Set<ReactionRepository.Mine> mine = readerId == null ? Set.of() : reactions.mine(readerId, counts.keySet());
        return messages.stream()
                .map(m -> counts.containsKey(m.id()) ? m.withReactions(shown(m.id(), counts.get(m.id()), mine)) : m)
                .toList();
    }

    /** The reactions of one message, in display order. */
    List<Reaction> shown(UUID messageId, Map<String, Long> counts, Set<ReactionRepository.Mine> mine) {
        List<Reaction> shown = new ArrayList<>(counts.size());
        order.stream()
                .filter(counts::containsKey)
                .forEach(emoji -> shown.add(reaction(messageId, emoji, counts.get(emoji), mine)));
        counts.forEach((emoji, n) -> {
            if (!order.contains(emoji)) {
                shown.add(reaction(messageId, emoji, n, mine));
            }
        });
        return shown;
    }

    private static Reaction reaction(UUID messageId, String emoji, long count, Set<ReactionRepository.Mine> mine) {
        return new Reaction(emoji, count, mine.contains(new ReactionRepository.Mine(messageId, emoji)));
    }
}
