package com.sudamall.chat.preview.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Link preview settings.
 *
 * @param enabled whether messages get previews at all
 * @param allowedPorts the ports a preview may be fetched from (a URL without one uses its scheme's)
 * @param allowAddresses ranges (CIDR) an operator lets previews reach although they are private, for example an
 *     internal shop front; empty by default: every private, loopback, link-local and metadata address is refused
 * @param timeout the whole budget of one fetch, redirects, the image and every DNS lookup included
 * @param maxBytes the most read of a page or an image
 * @param maxRedirects redirects followed at most, each checked like the first URL
 * @param keep how long a fetched preview is used before its URL is fetched again
 * @param keepFailures how long a URL that gave no preview is left alone
 * @param imageSize the longest side of a preview image, in pixels, after re-encoding
 * @param maxImagePixels images larger than this (read from their header) are not decoded
 * @param fetches previews fetched at once on this node; more wait their turn
 */
@ConfigurationProperties("chat.previews")
public record PreviewProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"80", "443"}) List<Integer> allowedPorts,
        @DefaultValue({}) List<String> allowAddresses,
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("512KB") DataSize maxBytes,
        @DefaultValue("3") int maxRedirects,
        @DefaultValue("24h") Duration keep,
        @DefaultValue("1h") Duration keepFailures,
        @DefaultValue("400") int imageSize,
        @DefaultValue("25000000") long maxImagePixels,
        @DefaultValue("4") int fetches) {}
