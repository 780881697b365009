package com.sudamall.chat.realtime.internal;

import io.micrometer.observation.ObservationPredicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** Registers the WebSocket endpoints, their allowed origins and frame limits. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

    private static final int BINARY_BUFFER_BYTES = 1024;
    private static final int SOCKET_BUFFER_BYTES = 4096;

    private final ChatWebSocketHandler handler;
    private final SocketHandshake handshake;
    private final OriginProperties origins;
    private final boolean devMode;

    WebSocketConfig(
            ChatWebSocketHandler handler,
            SocketHandshake handshake,
            OriginProperties origins,
            @Value("${chat.identity.dev-mode:true}") boolean devMode) {
        this.handler = handler;
        this.handshake = handshake;
        this.origins = origins;
        this.devMode = devMode;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        List<String> allowed = new ArrayList<>(origins.allowedOrigins());
        if (devMode) {
            allowed.addAll(List.of("http://localhost:*", "http://127.0.0.1:*"));
        }
        registry.addHandler(handler, "/ws/chat", "/ws/chat/", "/ws/chat/{roomId}", "/ws/chat/{roomId}/")
                .addInterceptors(handshake)
                .setAllowedOriginPatterns(allowed.toArray(String[]::new));
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(RealtimeProperties properties) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        // Tomcat allocates these buffers for every socket up front (a text one of 64 KB costs 128 KB of chars), so
        // they stay small: frames arrive in parts of this size, and the frame limit is enforced as they are joined.
        // No binary frames are accepted.
        container.setMaxTextMessageBufferSize((int) properties.readBufferSize().toBytes());
        container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
        container.setMaxSessionIdleTimeout(300_000L);
        return container;
    }

    /**
     * No request observation for handshakes: an upgrade is not a request a latency metric should average in (its
     * answer is the socket), and a burst of thousands paid for each one. Handshakes have their own gauges
     * ({@code chat.realtime.handshakes.*}).
     */
    @Bean
    ObservationPredicate noObservationOfHandshakes() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith("/ws/"));
    }

    /** Each connection's socket read and write buffers (8 KB each by default) are per socket too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketBuffers() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
        });
    }
}
