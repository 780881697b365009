package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The one place frames are read and written. A frame without {@code type} is a text frame, as in the seed. */
@Component
class FrameCodec {

    private final JsonMapper json;
    private final JsonMapper frames;

    FrameCodec(JsonMapper json) {
        this.json = json;
        this.frames = json.rebuild()
                .addModule(new SimpleModule("frame-messages").addSerializer(Message.class, new MessageJsonOnce(json)))
                .build();
    }

    String encode(OutboundFrame frame) {
        return frames.writeValueAsString(frame);
    }

    /** The frame, or a {@link ChatException} with the code its error frame will carry. */
    InboundFrame decode(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw ChatException.invalid("frame", "is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ChatException.invalid("frame", "must be a JSON object");
        }
        String type = node.has("type") ? requireString(node, "type") : "text";
        UUID roomId = optionalUuid(node, "room_id");
        return switch (type) {
            case "text" ->
                new InboundFrame.Text(
                        roomId,
                        node.has("content") ? requireString(node, "content") : "",
                        optionalUuid(node, "reply_to"),
                        optionalString(node, "client_msg_id"),
                        sentType(optionalString(node, "message_type")),
                        mentions(node));
            case "typing" ->
                new InboundFrame.Typing(roomId, node.path("is_typing").asBoolean(false));
            case "read" -> new InboundFrame.Read(roomId, requireUuid(node, "up_to"));
            case "resume" -> new InboundFrame.Resume(roomId, requireSeq(node, "after_seq"));
            case "ping" -> new InboundFrame.Ping(roomId);
            default -> throw new ChatException(ErrorCode.VALIDATION_FAILED, "Unknown frame type: " + abbreviate(type));
        };
    }

    private static String requireString(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw ChatException.invalid(field, "must be a string");
        }
        return value.asString();
    }

    private static @Nullable String optionalString(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : requireString(node, field);
    }

    private static @Nullable UUID optionalUuid(JsonNode node, String field) {
        String value = optionalString(node, field);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ChatException.invalid(field, "must be a UUID");
        }
    }

    private static UUID requireUuid(JsonNode node, String field) {
        UUID value = optionalUuid(node, field);
        if (value == null) {
            throw ChatException.invalid(field, "is required");
        }
        return value;
    }

    private static long requireSeq(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            throw ChatException.invalid(field, "must be a non-negative integer");
        }
        return value.asLong();
    }

    /** The ids a text frame names; the send path checks that they are of the room. */
    private static List<String> mentions(JsonNode node) {
        JsonNode value = node.get("mentions");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw ChatException.invalid("mentions", "must be a list of user ids");
        }
        List<String> ids = new ArrayList<>(value.size());
        for (JsonNode id : value) {
            if (!id.isString()) {
                throw ChatException.invalid("mentions", "must be a list of user ids");
            }
            ids.add(id.asString());
        }
        return ids;
    }

    /** A socket sends text and notes; files and shares go through REST. */
    private static MessageType sentType(@Nullable String name) {
        MessageType type = name == null ? MessageType.TEXT : MessageType.parse(name);
        if (type != MessageType.TEXT && type != MessageType.NOTE) {
            throw ChatException.invalid("message_type", "a socket sends text and notes; files and shares use REST");
        }
        return type;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
