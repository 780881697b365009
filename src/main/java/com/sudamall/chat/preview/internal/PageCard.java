package com.sudamall.chat.preview.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * What a page says about itself: Open Graph tags first, then Twitter's, then plain HTML. A page with neither a title
 * nor a description has no card.
 *
 * @param title its title
 * @param description its description, or null
 * @param siteName the site's name
 * @param image the absolute URL of its image, or null
 */
record PageCard(
        String title,
        @Nullable String description,
        String siteName,
        @Nullable URI image) {

    private static final int TITLE = 200;
    private static final int DESCRIPTION = 300;
    private static final int SITE = 100;

    static @Nullable PageCard of(GuardedFetcher.Fetched page) {
        Document html;
        try {
            html = Jsoup.parse(
                    new ByteArrayInputStream(page.body()),
                    page.charset(),
                    page.url().toString());
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String title = first(meta(html, "og:title"), meta(html, "twitter:title"), html.title());
        String description =
                first(meta(html, "og:description"), meta(html, "twitter:description"), meta(html, "description"));
        if (title == null && description == null) {
            return null;
        }
        String host = page.url().getHost().toLowerCase(Locale.ROOT);
        String site = first(meta(html, "og:site_name"), host.startsWith("www.") ? host.substring(4) : host);
        return new PageCard(
                clip(title == null ? site : title, TITLE),
                description == null ? null : clip(description, DESCRIPTION),
                clip(site == null ? host : site, SITE),
                image(html, page.url()));
    }

    private static @Nullable URI image(Document html, URI base) {
        String src = first(
                meta(html, "og:image:secure_url"),
                meta(html, "og:image"),
                meta(html, "og:image:url"),
                meta(html, "twitter:image"));
        if (src == null) {
            return null;
        }
        try {
            return base.resolve(new URI(src.replace(" ", "%20")));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A meta tag's content, by {@code property} (Open Graph) or {@code name}. */
    private static @Nullable String meta(Document html, String key) {
        for (Element tag : html.select("meta[property], meta[name]")) {
            String name = tag.hasAttr("property") ? tag.attr("property") : tag.attr("name");
            if (name.equalsIgnoreCase(key)) {
                String content = tag.attr("content");
                if (!content.isBlank()) {
                    return content;
                }
            }
        }
        return null;
    }

    private static @Nullable String first(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip().replaceAll("\\s+", " ");
            }
        }
        return null;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
