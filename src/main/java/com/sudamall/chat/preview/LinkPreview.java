package com.sudamall.chat.preview;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The card of a message's first link, as the Message object carries it ({@code preview}).
 *
 * @param url the link as written in the message
 * @param title the page's title ({@code og:title}, else {@code <title>})
 * @param description its description ({@code og:description}, else the description meta tag), or null
 * @param siteName the site's name ({@code og:site_name}, else the host)
 * @param image the page's image, re-encoded and served by this service, or null
 */
public record LinkPreview(
        String url,
        String title,
        @Nullable String description,
        String siteName,
        @Nullable Image image) {

    /**
     * A preview image.
     *
     * @param url where clients get it ({@code GET /api/chat/previews/{id}/image}, signed in)
     * @param width its width in pixels
     * @param height its height in pixels
     */
    public record Image(String url, int width, int height) {

        public static String path(UUID previewId) {
            return "/api/chat/previews/" + previewId + "/image";
        }
    }
}
