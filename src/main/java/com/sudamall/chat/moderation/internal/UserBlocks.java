package com.sudamall.chat.moderation.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.web.ChatException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One user blocking another; {@link ConductRules} enforces it. */
@Service
class UserBlocks {

    private final ConductRepository conduct;
    private final ConductRules rules;
    private final UserService users;
    private final Clock clock;

    UserBlocks(ConductRepository conduct, ConductRules rules, UserService users, Clock clock) {
        this.conduct = conduct;
        this.rules = rules;
        this.users = users;
        this.clock = clock;
    }

    /** Blocks {@code userId}; blocking again changes nothing. Returns the blocked user's card. */
    @Transactional
    User block(CurrentUser user, String userId) {
        UserService.requireValidId(userId, "user");
        if (userId.equals(user.id())) {
            throw ChatException.invalid("user", "you can't block yourself");
        }
        User blocked = users.cards(List.of(userId)).get(userId);
        if (blocked == null) {
            throw ChatException.notFound("User");
        }
        conduct.block(user.id(), userId, clock.instant());
        rules.changed(userId);
        return blocked;
    }

    @Transactional
    void unblock(CurrentUser user, String userId) {
        if (!conduct.unblock(user.id(), userId)) {
            throw ChatException.notFound("Block");
        }
        rules.changed(userId);
    }

    /** The users the caller has blocked, newest first. */
    List<User> blockedBy(CurrentUser user) {
        List<String> ids = conduct.blockedBy(user.id());
        return users.cards(ids).values().stream().toList();
    }
}
