package com.sudamall.chat.preview;

import com.sudamall.chat.preview.internal.PreviewFetches;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The previews of messages' links. A message's preview is its first http or https link's; the page is fetched once
 * per URL and keep period, however many messages link it, and never from an address that is not public.
 */
@Service
public class LinkPreviews {

    private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`]+");
    /** Punctuation that ends a sentence rather than a URL: "see https://shop.example/p/1." */
    private static final String TRAILING = ".,;:!?)]}*_~";

    private final PreviewFetches fetches;

    LinkPreviews(PreviewFetches fetches) {
        this.fetches = fetches;
    }

    /** The first http or https link of the text, as written. */
    public static Optional<String> firstLink(String text) {
        Matcher link = LINK.matcher(text);
        if (!link.find()) {
            return Optional.empty();
        }
        String url = link.group();
        while (!url.isEmpty() && TRAILING.indexOf(url.charAt(url.length() - 1)) >= 0) {
            url = url.substring(0, url.length() - 1);
        }
        return url.length() > "https://".length() ? Optional.of(url) : Optional.empty();
    }

    /** Whether previews are fetched at all on this node ({@code chat.previews.enabled}). */
    public boolean enabled() {
        return fetches.enabled();
    }

    /**
     * Shows the preview of the text's first link with the message, fetching the page if need be, and returns it; a
     * text without a link (or whose link gives none) leaves the message without one. Blocks while it fetches (at most
     * the configured budget): call it off a request's thread.
     */
    public Optional<LinkPreview> attach(UUID messageId, String text) {
        return fetches.attach(messageId, firstLink(text).orElse(null));
    }

    /** The previews of the messages that have one. */
    public Map<UUID, LinkPreview> ofMessages(Collection<UUID> messageIds) {
        return fetches.ofMessages(messageIds);
    }
}
