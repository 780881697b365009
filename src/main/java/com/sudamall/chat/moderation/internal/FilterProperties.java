package com.sudamall.chat.moderation.internal;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The content filters.
 *
 * @param contactPolicy what to do with contact information (phone numbers, e-mail addresses, outside links,
 *     messaging-app handles), by room type ({@code customer_store}, {@code customer_support}, {@code private},
 *     {@code group}); {@code default} for the others
 * @param wordPolicy what to do with words of the word list, by room type, {@code default} for the others
 * @param wordList the word list: a file or {@code classpath:} resource, one word per line (see docs/MODERATION.md)
 * @param allowedDomains links to these domains (and their subdomains) are not outside links
 */
@ConfigurationProperties("chat.moderation")
record FilterProperties(
        Map<String, FilterPolicy> contactPolicy,
        Map<String, FilterPolicy> wordPolicy,
        @DefaultValue("classpath:moderation/words.txt") String wordList,
        @DefaultValue("sudamall.com") List<String> allowedDomains) {

    FilterProperties {
        contactPolicy = contactPolicy == null ? Map.of() : Map.copyOf(contactPolicy);
        wordPolicy = wordPolicy == null ? Map.of() : Map.copyOf(wordPolicy);
    }

    FilterPolicy contactPolicy(String roomType) {
        return contactPolicy.getOrDefault(roomType, contactPolicy.getOrDefault("default", FilterPolicy.ALLOW));
    }

    FilterPolicy wordPolicy(String roomType) {
        return wordPolicy.getOrDefault(roomType, wordPolicy.getOrDefault("default", FilterPolicy.ALLOW));
    }
}
