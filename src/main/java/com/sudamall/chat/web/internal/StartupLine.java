package com.sudamall.chat.web.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where the service answers once it does: the first thing someone who just started it looks for. */
@Component
class StartupLine {

    private static final Logger log = LoggerFactory.getLogger(StartupLine.class);

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.info("Sudamall Chat answers at http://localhost:{}/ (web client at /, API docs at /swagger-ui.html)", port);
    }
}
