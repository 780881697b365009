package com.sudamall.chat.realtime.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** Registers the WebSocket endpoints, their allowed origins and frame limits. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

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
        container.setMaxTextMessageBufferSize((int) properties.maxFrameSize().toBytes());
        container.setMaxBinaryMessageBufferSize((int) properties.maxFrameSize().toBytes());
        container.setMaxSessionIdleTimeout(300_000L);
        return container;
    }
}
