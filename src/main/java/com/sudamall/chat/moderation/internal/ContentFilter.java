package com.sudamall.chat.moderation.internal;

import com.sudamall.chat.message.ContentScreen;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The content filters on every text a participant writes: contact information and the word list, each with its
 * policy for the room's type ({@link FilterProperties}). The strictest policy among the findings decides: a block
 * refuses the text; otherwise findings under {@code mask} are hidden from the others, and findings under {@code
 * flag} send the message to the moderators.
 */
@Component
class ContentFilter implements ContentScreen {

    private static final Logger log = LoggerFactory.getLogger(ContentFilter.class);

    private final FilterProperties properties;
    private final ContactDetector contacts;
    private final WordList words;

    ContentFilter(FilterProperties properties, ResourceLoader resources) {
        this.properties = properties;
        this.contacts = new ContactDetector(properties.allowedDomains());
        this.words = new WordList(read(resources.getResource(properties.wordList())));
        log.info("Content filters: {} words listed; contact information {}", words.size(), properties.contactPolicy());
    }

    private static List<String> read(Resource resource) {
        try {
            return List.of(resource.getContentAsString(StandardCharsets.UTF_8).split("\\R"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the word list " + resource, e);
        }
    }

    @Override
    public Screened screen(Room room, String text) {
        String roomType = room.type().wireName();
        FilterPolicy contactPolicy = properties.contactPolicy(roomType);
        FilterPolicy wordPolicy = properties.wordPolicy(roomType);
        List<Finding> findings = new ArrayList<>();
        if (contactPolicy != FilterPolicy.ALLOW) {
            findings.addAll(contacts.find(text));
        }
        if (wordPolicy != FilterPolicy.ALLOW) {
            words.find(text).stream()
                    .filter(word -> findings.stream().noneMatch(word::overlaps))
                    .forEach(findings::add);
        }
        if (findings.isEmpty()) {
            return Screened.clean(text);
        }
        findings.sort((a, b) -> Integer.compare(a.start(), b.start()));
        Set<String> flagged = new LinkedHashSet<>();
        StringBuilder masked = new StringBuilder();
        int at = 0;
        for (Finding finding : findings) {
            FilterPolicy policy = finding.kind().isContact() ? contactPolicy : wordPolicy;
            if (policy == FilterPolicy.BLOCK) {
                throw new ChatException(
                        ErrorCode.BLOCKED_CONTENT,
                        "Messages here can't contain " + finding.kind().description() + ".");
            }
            if (policy == FilterPolicy.FLAG) {
                flagged.add(finding.kind().description());
            } else if (policy == FilterPolicy.MASK) {
                masked.append(text, at, finding.start())
                        .append(finding.kind().mask(text.substring(finding.start(), finding.end())));
                at = finding.end();
            }
        }
        masked.append(text.substring(at));
        String content = masked.toString();
        return new Screened(
                content,
                content.equals(text) ? null : text,
                flagged.isEmpty() ? null : "Content filter: " + String.join(", ", flagged));
    }
}
