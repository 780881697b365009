package com.sudamall.chat.message;

import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.internal.MentionRepository;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Who named a user in the messages they have not read, for the alerts that tell them so. */
@Service
public class Mentions {

    private final MentionRepository mentions;
    private final UserService users;

    Mentions(MentionRepository mentions, UserService users) {
        this.mentions = mentions;
        this.users = users;
    }

    /** The display names of those who mentioned the user in the room after {@code afterSeq}, first first. */
    public List<String> mentionedBy(UUID roomId, String userId, long afterSeq) {
        List<String> senders = mentions.mentioners(roomId, userId, afterSeq);
        if (senders.isEmpty()) {
            return List.of();
        }
        Map<String, User> cards = users.cards(senders);
        return senders.stream()
                .map(cards::get)
                .filter(Objects::nonNull)
                .map(User::name)
                .toList();
    }
}
