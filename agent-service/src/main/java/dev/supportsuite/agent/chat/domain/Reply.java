package dev.supportsuite.agent.chat.domain;

/** What the agent answers to one customer message. */
public record Reply(String content, String intent, boolean escalated) {
}
