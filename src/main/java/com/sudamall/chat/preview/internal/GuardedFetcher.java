package com.sudamall.chat.preview.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a URL for a preview the only way that is safe to do on behalf of whoever wrote a message: http or https
 * on an allowed port; every address its name resolves to checked ({@link AddressPolicy}) and the connection made to
 * exactly those addresses (the client asks this class's resolver, so a second DNS answer cannot swap in another);
 * redirects followed by hand, each hop checked like the first, at most a few; one deadline for the whole fetch;
 * at most so many bytes read, the rest of the response abandoned with its connection; no proxy, no cookies, no
 * retries.
 */
final class GuardedFetcher implements AutoCloseable {

    /** Looks a name up; the JDK's resolver outside tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a URL was not fetched; {@code reason} names the guard. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * What a fetch got.
     *
     * @param url where it ended, after redirects
     * @param contentType the response's media type, lower case, without parameters
     * @param charset the charset the response named, or null
     * @param body the bytes read
     * @param complete false when the body was cut at the byte limit
     */
    record Fetched(URI url, String contentType, @Nullable String charset, byte[] body, boolean complete) {}

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String AGENT = "SudamallChat-LinkPreview/1.0 (+https://sudamall.example/chat)";

    private final PreviewProperties properties;
    private final AddressPolicy policy;
    private final Resolver resolver;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("preview-deadlines").factory());

    GuardedFetcher(PreviewProperties properties, Resolver resolver) {
        this.properties = properties;
        this.policy = new AddressPolicy(properties.allowAddresses());
        this.resolver = resolver;
        Timeout budget = Timeout.of(properties.timeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedDns())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(budget)
                                .setSocketTimeout(budget)
                                .build())
                        .setMaxConnTotal(properties.fetches() * 2)
                        .setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(budget)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(AGENT)
                .build();
    }

    /**
     * Fetches the URL, following redirects, if every guard lets it.
     *
     * @param types the media types accepted (a type ending in {@code /} accepts any subtype)
     * @param deadline when the fetch must have ended, however far it got
     */
    Fetched fetch(URI url, Set<String> types, Instant deadline) throws Refused {
        URI current = url;
        for (int hop = 0; ; hop++) {
            requireFetchable(current);
            HttpGet get = new HttpGet(current);
            get.setHeader(
                    "Accept",
                    String.join(
                            ", ",
                            types.stream()
                                    .map(t -> t.endsWith("/") ? t + "*" : t)
                                    .toList()));
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new Refused("timeout");
            }
            ScheduledFuture<?> abort = deadlines.schedule(get::cancel, left, TimeUnit.MILLISECONDS);
            try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
                int status = response.getCode();
                if (REDIRECTS.contains(status)) {
                    if (hop >= properties.maxRedirects()) {
                        throw new Refused("too_many_redirects");
                    }
                    current = next(current, response.getFirstHeader("Location"));
                    get.cancel();
                    continue;
                }
                if (status != 200) {
                    get.cancel();
                    throw new Refused("status_" + status);
                }
                return read(current, response.getEntity(), types, get);
            } catch (IOException | RuntimeException e) {
                if (abort.isDone() || Instant.now().isAfter(deadline)) {
                    throw new Refused("timeout");
                }
                throw new Refused(
                        e instanceof UnknownHostException
                                        && e.getMessage() != null
                                        && e.getMessage().startsWith(CheckedDns.REFUSED)
                                ? "address"
                                : "unreachable");
            } finally {
                abort.cancel(false);
            }
        }
    }

    private Fetched read(URI url, @Nullable HttpEntity entity, Set<String> types, HttpGet get)
            throws IOException, Refused {
        if (entity == null) {
            throw new Refused("empty");
        }
        ContentType type = entity.getContentType() == null ? null : ContentType.parseLenient(entity.getContentType());
        String mime = type == null ? "" : type.getMimeType().toLowerCase(Locale.ROOT);
        if (types.stream().noneMatch(t -> t.endsWith("/") ? mime.startsWith(t) : mime.equals(t))) {
            get.cancel();
            throw new Refused("content_type");
        }
        int limit = (int) properties.maxBytes().toBytes();
        byte[] bytes;
        boolean complete;
        InputStream in = entity.getContent();
        try {
            // one byte past the limit tells a cut body from one that ends exactly there
            bytes = in.readNBytes(limit + 1);
            complete = bytes.length <= limit;
            if (!complete) {
                bytes = Arrays.copyOf(bytes, limit);
                // the rest is never read: closing the stream would drain it, so the connection is dropped first
                get.cancel();
            }
        } finally {
            closeQuietly(in);
        }
        String charset = type == null || type.getCharset() == null
                ? null
                : type.getCharset().name();
        return new Fetched(url, mime, charset, bytes, complete);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // a dropped connection's stream: nothing left to read from it
        }
    }

    /** The scheme, the port and the absence of credentials; addresses are checked when the name is resolved. */
    private void requireFetchable(URI url) throws Refused {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("scheme");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            throw new Refused("host");
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        if (!properties.allowedPorts().contains(port)) {
            throw new Refused("port");
        }
    }

    private static URI next(URI from, @Nullable Header location) throws Refused {
        if (location == null || location.getValue().isBlank()) {
            throw new Refused("redirect");
        }
        try {
            return from.resolve(new URI(location.getValue().trim()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new Refused("redirect");
        }
    }

    /** The client's only way to a name's addresses: all of them must be allowed, or none is used. */
    private final class CheckedDns implements DnsResolver {

        static final String REFUSED = "refused by the preview address policy: ";

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            InetAddress[] addresses = resolver.resolve(name);
            for (InetAddress address : addresses) {
                if (!policy.permits(address)) {
                    throw new UnknownHostException(REFUSED + host);
                }
            }
            if (addresses.length == 0) {
                throw new UnknownHostException(host);
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
