package com.sudamall.chat.preview.internal;

import com.sudamall.chat.preview.LinkPreview;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Gets a URL's preview: from what is stored while it is fresh, else by fetching the page and its image through the
 * {@link GuardedFetcher}, one fetch per URL at a time however many messages want it, a few URLs at once per node.
 */
@Component
public class PreviewFetches implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PreviewFetches.class);
    private static final Set<String> PAGES = Set.of("text/html", "application/xhtml+xml");
    private static final Set<String> IMAGES = Set.of("image/");
    private static final int MAX_URL = 2048;

    private final PreviewProperties properties;
    private final PreviewRepository previews;
    private final GuardedFetcher fetcher;
    private final Clock clock;
    private final Semaphore turns;
    private final ConcurrentHashMap<String, CompletableFuture<Optional<UUID>>> running = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    PreviewFetches(PreviewProperties properties, PreviewRepository previews, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.previews = previews;
        this.fetcher = new GuardedFetcher(properties, InetAddress::getAllByName);
        this.clock = clock;
        this.turns = new Semaphore(properties.fetches());
        this.meters = meters;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** See {@link com.sudamall.chat.preview.LinkPreviews#attach}; {@code url} null detaches. */
    public Optional<LinkPreview> attach(UUID messageId, @Nullable String url) {
        Optional<UUID> found = url == null || !properties.enabled() ? Optional.empty() : preview(url);
        if (found.isEmpty()) {
            previews.detach(messageId);
            return Optional.empty();
        }
        previews.attach(messageId, found.get());
        return previews.card(found.get());
    }

    public Map<UUID, LinkPreview> ofMessages(Collection<UUID> messageIds) {
        return previews.ofMessages(messageIds);
    }

    Optional<StoredImage> image(UUID previewId) {
        return previews.picture(previewId);
    }

    /** The id of the URL's stored preview, fetched first unless a fresh outcome is stored; empty when it has none. */
    private Optional<UUID> preview(String url) {
        if (url.length() > MAX_URL) {
            return Optional.empty();
        }
        Optional<PreviewRepository.Known> known = previews.find(url);
        if (known.isPresent() && isFresh(known.get())) {
            return known.get().found() ? Optional.of(known.get().id()) : Optional.empty();
        }
        CompletableFuture<Optional<UUID>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<UUID>> theirs = running.putIfAbsent(url, mine);
        if (theirs != null) {
            return theirs.join();
        }
        try {
            Optional<UUID> fetched =
                    fetchAndSave(url, known.map(PreviewRepository.Known::id).orElse(null));
            mine.complete(fetched);
            return fetched;
        } catch (RuntimeException e) {
            mine.complete(Optional.empty());
            throw e;
        } finally {
            running.remove(url, mine);
        }
    }

    private boolean isFresh(PreviewRepository.Known known) {
        Duration keep = known.found() ? properties.keep() : properties.keepFailures();
        return known.fetchedAt().plus(keep).isAfter(clock.instant());
    }

    private Optional<UUID> fetchAndSave(String url, @Nullable UUID id) {
        turns.acquireUninterruptibly();
        PageCard card;
        PreviewPicture picture;
        try {
            Instant deadline = Instant.now().plus(properties.timeout());
            card = card(url, deadline);
            picture = card == null || card.image() == null ? null : picture(card.image(), deadline);
        } finally {
            turns.release();
        }
        UUID previewId = id != null ? id : UUID.randomUUID();
        try {
            previews.save(previewId, url, card, picture, clock.instant());
        } catch (DuplicateKeyException e) {
            // another node stored the same URL meanwhile: theirs is as good
            return previews.find(url).filter(PreviewRepository.Known::found).map(PreviewRepository.Known::id);
        }
        return card == null ? Optional.empty() : Optional.of(previewId);
    }

    private @Nullable PageCard card(String url, Instant deadline) {
        try {
            PageCard card = PageCard.of(fetcher.fetch(new URI(url), PAGES, deadline));
            count(card == null ? "no_card" : "found");
            return card;
        } catch (GuardedFetcher.Refused e) {
            log.debug("no preview of {}: {}", url, e.getMessage());
            count(e.getMessage());
            return null;
        } catch (URISyntaxException e) {
            count("bad_url");
            return null;
        }
    }

    private @Nullable PreviewPicture picture(URI image, Instant deadline) {
        try {
            GuardedFetcher.Fetched fetched = fetcher.fetch(image, IMAGES, deadline);
            return fetched.complete()
                    ? PreviewPicture.of(fetched.body(), properties.imageSize(), properties.maxImagePixels())
                    : null;
        } catch (GuardedFetcher.Refused e) {
            log.debug("no preview image from {}: {}", image, e.getMessage());
            return null;
        }
    }

    private void count(String outcome) {
        Counter.builder("chat.previews.fetches")
                .description("Link preview fetches by outcome (found, or the guard or failure that stopped them)")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    @Override
    public void destroy() throws IOException {
        fetcher.close();
    }
}
