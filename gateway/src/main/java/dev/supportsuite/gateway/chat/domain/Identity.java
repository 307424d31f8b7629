package dev.supportsuite.gateway.chat.domain;

/** Who sends a message: the user id and what kind of identity it is ({@code user}, {@code visitor}, ...). */
public record Identity(String userId, String type) {
}
