package com.sudamall.chat.message;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.internal.SearchRepository;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.ChatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Search over the messages of the caller's rooms: every word must match (by prefix on PostgreSQL), newest first,
 * each hit with a plain-text snippet and the offsets of its matches.
 */
@Service
public class MessageSearch {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 8;
    private static final int BEFORE = 40;
    private static final int SNIPPET = 160;

    private final SearchRepository search;
    private final UserService users;

    private final RoomAccess access;

    MessageSearch(SearchRepository search, UserService users, RoomAccess access) {
        this.search = search;
        this.users = users;
        this.access = access;
    }

    /** The newest messages of the user's rooms (or of one of them) with every word of the query. */
    public List<SearchHit> search(CurrentUser user, @Nullable String query, @Nullable UUID roomId, int limit) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            throw ChatException.invalid("q", "give at least one word to search for");
        }
        if (roomId != null) {
            access.requireVisible(user, roomId); // a room the caller cannot see is not found, as everywhere
        }
        List<SearchRepository.Found> found = search.search(user.id(), user.isModerator(), roomId, words, limit);
        Map<String, User> senders = users.cards(found.stream()
                .map(SearchRepository.Found::senderId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return found.stream()
                .map(f -> hit(f, words, f.senderId() == null ? null : senders.get(f.senderId())))
                .toList();
    }

    private static List<String> words(@Nullable String query) {
        List<String> words = new ArrayList<>();
        if (query == null) {
            return words;
        }
        Matcher matcher = WORD.matcher(query.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < MAX_WORDS) {
            if (!words.contains(matcher.group())) {
                words.add(matcher.group());
            }
        }
        return words;
    }

    private static SearchHit hit(SearchRepository.Found found, List<String> words, @Nullable User sender) {
        String snippet;
        List<int[]> highlights = new ArrayList<>();
        if (found.marked()) {
            StringBuilder plain = new StringBuilder();
            int start = -1;
            for (char c : found.text().toCharArray()) {
                if (c == '\u0001') {
                    start = plain.length();
                } else if (c == '\u0002' && start >= 0) {
                    highlights.add(new int[] {start, plain.length()});
                    start = -1;
                } else {
                    plain.append(c);
                }
            }
            snippet = plain.toString();
        } else {
            snippet = window(found.text(), words.getFirst());
            String lower = snippet.toLowerCase(Locale.ROOT);
            for (String word : words) {
                for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length())) {
                    highlights.add(new int[] {at, at + word.length()});
                }
            }
            highlights.sort((a, b) -> Integer.compare(a[0], b[0]));
        }
        return new SearchHit(found.roomId(), found.id(), found.seq(), sender, found.sentAt(), snippet, highlights);
    }

    /** The text around the first match, cut at word boundaries where it is long. */
    private static String window(String text, String word) {
        if (text.length() <= SNIPPET) {
            return text;
        }
        int at = Math.max(0, text.toLowerCase(Locale.ROOT).indexOf(word));
        int from = Math.max(0, at - BEFORE);
        int to = Math.min(text.length(), from + SNIPPET);
        while (from > 0 && from < at && !Character.isWhitespace(text.charAt(from - 1))) {
            from++;
        }
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }
}
