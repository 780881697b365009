package com.sudamall.chat.realtime.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sudamall.chat.message.Message;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a message into frames as JSON rendered once per message object: a new message goes out in its room's
 * {@code message} frame and in its sender's {@code ack}, and serializing it was the largest part of each. Keys are
 * held weakly and compared by identity, so a message is rendered again only if it is a new object.
 */
final class MessageJsonOnce extends ValueSerializer<Message> {

    private final JsonMapper json;
    private final Cache<Message, String> rendered =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    MessageJsonOnce(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void serialize(Message message, JsonGenerator gen, SerializationContext context) {
        gen.writeRawValue(rendered.get(message, json::writeValueAsString));
    }
}
