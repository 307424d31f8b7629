package dev.supportsuite.gateway.chat.api;

import dev.supportsuite.gateway.chat.domain.InvalidMessageException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Reads client frames and writes server frames (snake_case JSON). */
final class FrameCodec {

    /** A client frame: its type and the fields the gateway reads. */
    record ClientFrame(String type, String content, String clientMessageId, Long lastSeq) {
    }

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    String write(Object frame) {
        return mapper.writeValueAsString(frame);
    }

    ClientFrame read(String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidMessageException("malformed_frame", "The frame is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidMessageException("malformed_frame", "A frame must be a JSON object.");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isString()) {
            throw new InvalidMessageException("malformed_frame", "A frame needs a string field 'type'.");
        }
        JsonNode lastSeq = node.get("last_seq");
        if (lastSeq != null && !lastSeq.isIntegralNumber()) {
            throw new InvalidMessageException("malformed_frame", "Field 'last_seq' must be an integer.");
        }
        return new ClientFrame(type.asString(), text(node, "content"), text(node, "client_message_id"),
                lastSeq == null ? null : lastSeq.asLong());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidMessageException("malformed_frame", "Field '" + field + "' must be a string.");
        }
        return value.asString();
    }
}
