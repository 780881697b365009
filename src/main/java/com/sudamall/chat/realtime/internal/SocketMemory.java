package com.sudamall.chat.realtime.internal;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tomcat gives every WebSocket connection input, output and encoder buffers of
 * {@code org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE} (8 KB, the encoder's in chars), read once when Tomcat's
 * WebSocket classes load. Chat frames are small, and tens of thousands of idle sockets would spend most of their
 * memory on those buffers, so they are set smaller, before the web server starts (an explicit system property
 * wins). Larger frames still work: they are read and written in several parts.
 */
public class SocketMemory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BUFFER_SIZE = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";
    private static final String BYTES = "2048";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (System.getProperty(BUFFER_SIZE) == null) {
            System.setProperty(BUFFER_SIZE, BYTES);
        }
    }
}
