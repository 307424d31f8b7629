package dev.supportsuite.agent.conversation.domain;

import java.util.Arrays;

/** Who answers the customer: the AI, nobody yet (a human was asked for), or a human agent. */
public enum Mode {
    AI("ai"),
    WAITING_FOR_HUMAN("waiting_for_human"),
    HUMAN("human");

    private final String wire;

    Mode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Mode fromWire(String value) {
        return Arrays.stream(values()).filter(mode -> mode.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown conversation mode " + value));
    }
}
