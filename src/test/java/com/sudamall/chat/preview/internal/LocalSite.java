package com.sudamall.chat.preview.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A web site on 127.0.0.1 for the preview tests: a shop page with Open Graph tags and its image, redirects, a page
 * that never ends, one too large, and a count of the requests each path got (to prove a guard stopped a fetch before
 * it left).
 */
public final class LocalSite implements AutoCloseable {

    public static final String PRODUCT_HTML = """
            <!doctype html><html><head>
            <title>Plain title</title>
            <meta property="og:title" content="Red Kettle">
            <meta property="og:description" content="A  kettle,
              red.">
            <meta property="og:site_name" content="Kettle Shop">
            <meta property="og:image" content="/kettle.jpg">
            </head><body>hello</body></html>
            """;

    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> hosts = new ConcurrentHashMap<>();

    public LocalSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port><path>} */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /** The Host header the path was last asked for with. */
    public String host(String path) {
        return hosts.get(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        hosts.put(path, exchange.getRequestHeaders().getFirst("Host"));
        try (exchange) {
            if (path.startsWith("/hop/")) {
                int n = Integer.parseInt(path.substring("/hop/".length()));
                redirect(exchange, n == 0 ? "/product" : "/hop/" + (n - 1));
            } else if (path.equals("/to-metadata")) {
                redirect(exchange, "http://169.254.169.254/latest/meta-data/");
            } else if (path.equals("/to-loopback-name")) {
                redirect(exchange, "http://localhost:" + port() + "/product");
            } else if (path.equals("/slow")) {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (int i = 0; i < 40; i++) {
                    out.write(' ');
                    out.flush();
                    sleep(250);
                }
            } else if (path.equals("/big")) {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write(PRODUCT_HTML.getBytes(StandardCharsets.UTF_8));
                byte[] filler = "<p>filler</p>".repeat(1000).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 400; i++) { // about 5 MB
                    out.write(filler);
                }
            } else if (path.equals("/kettle.jpg")) {
                send(exchange, 200, "image/jpeg", jpeg(800, 600));
            } else if (path.equals("/not-an-image.jpg")) {
                send(exchange, 200, "text/html", PRODUCT_HTML.getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/missing")) {
                send(exchange, 404, "text/html", "gone".getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, "text/html; charset=utf-8", PRODUCT_HTML.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the fetcher hung up (a cut body, a deadline): what these tests want
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    public static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
