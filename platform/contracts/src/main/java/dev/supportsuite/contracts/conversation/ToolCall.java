package dev.supportsuite.contracts.conversation;

import java.util.Map;

/** A tool the agent ran during a turn, with its arguments and a short outcome. */
public record ToolCall(String name, Map<String, String> arguments, String outcome) {

    public ToolCall {
        arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
    }
}
