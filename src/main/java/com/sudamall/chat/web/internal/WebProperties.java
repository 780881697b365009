package com.sudamall.chat.web.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP limits.
 *
 * @param maxJsonBody largest JSON request body accepted; larger ones get 413
 */
@Validated
@ConfigurationProperties("chat.web")
record WebProperties(@DefaultValue("1MB") DataSize maxJsonBody) {

    WebProperties {
        if (maxJsonBody.toBytes() <= 0) {
            throw new IllegalArgumentException("chat.web.max-json-body must be positive");
        }
    }
}
