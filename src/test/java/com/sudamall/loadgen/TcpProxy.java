package com.sudamall.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy in front of a real server, for fault tests: {@link #cut()} drops every connection through it and
 * refuses new ones, as a server that went down would; {@link #restore()} lets connections through again.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    /** Connections through the proxy, both ends; also the lock that keeps cut and accept apart. */
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private volatile boolean cut;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().name("tcp-proxy").daemon().start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every connection through the proxy is closed, and new ones are refused until {@link #restore()}. */
    public void cut() {
        // under the lock that accept takes to add a connection: none slips past the cut
        synchronized (open) {
            cut = true;
            open.forEach(TcpProxy::closeQuietly);
        }
    }

    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = connect(client);
                if (upstream != null) {
                    // platform threads: a proxy starved of carrier threads would look like a hung database
                    Thread.ofPlatform().daemon().start(() -> pump(client, upstream));
                    Thread.ofPlatform().daemon().start(() -> pump(upstream, client));
                }
            } catch (IOException e) {
                // the proxy closed
            }
        }
    }

    /** The connection to the target for a client just accepted, or null when cut or refused (the client is closed). */
    private @Nullable Socket connect(Socket client) {
        synchronized (open) {
            if (!cut) {
                try {
                    Socket upstream = new Socket(targetHost, targetPort);
                    open.add(client);
                    open.add(upstream);
                    return upstream;
                } catch (IOException refused) {
                    // the target is down: the client sees its connection drop
                }
            }
        }
        closeQuietly(client);
        return null;
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
