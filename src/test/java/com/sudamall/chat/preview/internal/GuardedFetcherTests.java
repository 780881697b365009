package com.sudamall.chat.preview.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Each guard of the preview fetcher, against a real web server on 127.0.0.1. A fetcher the test lets reach that
 * server (its port allowed, 127.0.0.1 allowed like an operator's internal range) proves the page is there; the same
 * URL under the guard then never reaches it, which the server's request count shows.
 */
class GuardedFetcherTests {

    private static final LocalSite site = new LocalSite();
    private static final Set<String> PAGES = Set.of("text/html");

    @AfterAll
    static void stop() {
        site.close();
    }

    private static PreviewProperties properties(List<Integer> ports, List<String> allowed) {
        return new PreviewProperties(
                true,
                ports,
                allowed,
                Duration.ofSeconds(3),
                DataSize.ofKilobytes(512),
                3,
                Duration.ofHours(24),
                Duration.ofHours(1),
                400,
                25_000_000,
                4);
    }

    /** Reaches the local site: its port allowed, and 127.0.0.1 let through as an allowed range. */
    private static GuardedFetcher open(GuardedFetcher.Resolver resolver) {
        return new GuardedFetcher(properties(List.of(80, 443, site.port()), List.of("127.0.0.1/32")), resolver);
    }

    private static GuardedFetcher.Fetched fetch(GuardedFetcher fetcher, String url) throws Exception {
        return fetcher.fetch(new URI(url), PAGES, Instant.now().plusSeconds(3));
    }

    private static String refusal(GuardedFetcher fetcher, String url) {
        try {
            fetch(fetcher, url);
            return "fetched";
        } catch (GuardedFetcher.Refused e) {
            return e.getMessage();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void theOpenFetcherReachesThePageSoEachRefusalBelowIsTheGuardsDoing() throws Exception {
        try (GuardedFetcher fetcher = open(InetAddress::getAllByName)) {
            GuardedFetcher.Fetched page = fetch(fetcher, site.url("/product"));
            assertThat(page.contentType()).isEqualTo("text/html");
            assertThat(page.complete()).isTrue();
            assertThat(PageCard.of(page))
                    .isEqualTo(new PageCard(
                            "Red Kettle", "A kettle, red.", "Kettle Shop", URI.create(site.url("/kettle.jpg"))));
        }
    }

    @Test
    void onlyHttpAndHttpsAreFetched() throws Exception {
        try (GuardedFetcher fetcher = open(InetAddress::getAllByName)) {
            assertThat(refusal(fetcher, "ftp://127.0.0.1:" + site.port() + "/product"))
                    .isEqualTo("scheme");
            assertThat(refusal(fetcher, "file:///etc/passwd")).isEqualTo("scheme");
            assertThat(refusal(fetcher, "gopher://127.0.0.1:" + site.port() + "/"))
                    .isEqualTo("scheme");
            assertThat(refusal(fetcher, "http://user:secret@127.0.0.1:" + site.port() + "/product"))
                    .isEqualTo("host");
        }
        assertThat(site.hits("/")).isZero();
    }

    @Test
    void onlyPorts80And443AreFetched() throws Exception {
        try (GuardedFetcher fetcher =
                new GuardedFetcher(properties(List.of(80, 443), List.of("127.0.0.1/32")), InetAddress::getAllByName)) {
            assertThat(refusal(fetcher, site.url("/port-guard"))).isEqualTo("port");
            assertThat(refusal(fetcher, "https://127.0.0.1:8443/")).isEqualTo("port");
        }
        assertThat(site.hits("/port-guard")).isZero();
    }

    @Test
    void privateLoopbackLinkLocalAndMetadataAddressesAreNeverConnectedTo() throws Exception {
        GuardedFetcher.Resolver names = host -> switch (host) {
            case "shop.test" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            case "mixed.test" ->
                new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1")};
            default -> InetAddress.getAllByName(host);
        };
        try (GuardedFetcher fetcher = new GuardedFetcher(properties(List.of(80, 443, site.port()), List.of()), names)) {
            assertThat(refusal(fetcher, site.url("/address-guard"))).isEqualTo("address");
            assertThat(refusal(fetcher, "http://shop.test:" + site.port() + "/address-guard"))
                    .isEqualTo("address");
            assertThat(refusal(fetcher, "http://[::ffff:127.0.0.1]:" + site.port() + "/address-guard"))
                    .isEqualTo("address");
            // one bad address in a name's answer refuses the name
            assertThat(refusal(fetcher, "http://mixed.test:" + site.port() + "/address-guard"))
                    .isEqualTo("address");
            assertThat(refusal(fetcher, "http://169.254.169.254/latest/meta-data/"))
                    .isEqualTo("address");
            assertThat(refusal(fetcher, "http://10.0.0.1/")).isEqualTo("address");
            assertThat(refusal(fetcher, "http://[fd00:ec2::254]/")).isEqualTo("address");
        }
        assertThat(site.hits("/address-guard")).isZero();
    }

    @Test
    void everyRedirectIsCheckedLikeTheFirstUrlAndAtMostThreeAreFollowed() throws Exception {
        try (GuardedFetcher fetcher = open(InetAddress::getAllByName)) {
            // to the metadata service
            assertThat(refusal(fetcher, site.url("/to-metadata"))).isEqualTo("address");
            assertThat(fetch(fetcher, site.url("/hop/2")).url()).isEqualTo(URI.create(site.url("/product")));
            assertThat(refusal(fetcher, site.url("/hop/3"))).isEqualTo("too_many_redirects");
        }
        // both chains reached /hop/0; the second had used its three redirects and did not go on to the page
        assertThat(site.hits("/hop/0")).isEqualTo(2);
    }

    @Test
    void theConnectionGoesToTheAddressThatWasCheckedNotToALaterDnsAnswer() throws Exception {
        // the name answers a permitted address once, then the metadata address: a rebinding attack
        AtomicInteger lookups = new AtomicInteger();
        GuardedFetcher.Resolver rebinding = host -> {
            if (!host.equals("rebind.test")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "169.254.169.254")
            };
        };
        try (GuardedFetcher fetcher = open(rebinding)) {
            GuardedFetcher.Fetched page = fetch(fetcher, "http://rebind.test:" + site.port() + "/rebind");
            assertThat(PageCard.of(page)).isNotNull();
        }
        assertThat(lookups).hasValue(1);
        assertThat(site.hits("/rebind")).isEqualTo(1);
        assertThat(site.host("/rebind")).isEqualTo("rebind.test:" + site.port());
    }

    @Test
    void aFetchEndsAtItsDeadlineWhateverTheServerDoes() throws Exception {
        try (GuardedFetcher fetcher = open(InetAddress::getAllByName)) {
            Instant start = Instant.now();
            assertThat(refusal(fetcher, site.url("/slow"))).isEqualTo("timeout");
            // the page would take 10 s to send
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void atMost512KilobytesAreRead() throws Exception {
        try (GuardedFetcher fetcher = open(InetAddress::getAllByName)) {
            GuardedFetcher.Fetched page = fetch(fetcher, site.url("/big"));
            assertThat(page.complete()).isFalse();
            assertThat(page.body()).hasSize(512 * 1024);
            // the card is in the head, which came first
            assertThat(PageCard.of(page).title()).isEqualTo("Red Kettle");
        }
    }

    @Test
    void onlyTheExpectedKindOfContentIsRead() throws Exception {
        try (GuardedFetcher fetcher = open(InetAddress::getAllByName)) {
            assertThatThrownBy(() -> fetcher.fetch(
                            new URI(site.url("/not-an-image.jpg")),
                            Set.of("image/"),
                            Instant.now().plusSeconds(3)))
                    .hasMessage("content_type");
            assertThat(refusal(fetcher, site.url("/kettle.jpg"))).isEqualTo("content_type");
            assertThat(refusal(fetcher, site.url("/missing"))).isEqualTo("status_404");
        }
    }

    @Test
    void anImageIsReEncodedFromItsPixelsNoLargerThanThePreviewSize() throws Exception {
        try (GuardedFetcher fetcher = open(InetAddress::getAllByName)) {
            GuardedFetcher.Fetched image = fetcher.fetch(
                    new URI(site.url("/kettle.jpg")),
                    Set.of("image/"),
                    Instant.now().plusSeconds(3));
            PreviewPicture picture = PreviewPicture.of(image.body(), 400, 25_000_000);
            assertThat(picture).isNotNull();
            assertThat(picture.type()).isEqualTo("image/jpeg");
            assertThat(List.of(picture.width(), picture.height())).containsExactly(400, 300);
            assertThat(picture.bytes()).isNotEqualTo(image.body());
        }
        // too many pixels for its header: not decoded at all
        assertThat(PreviewPicture.of(LocalSite.jpeg(800, 600), 400, 100_000)).isNull();
        assertThat(PreviewPicture.of("not an image".getBytes(), 400, 25_000_000))
                .isNull();
    }
}
