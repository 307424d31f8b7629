package dev.supportsuite.gateway.security.api;

/** The widget secret as bytes: a bean, so it is resolved (or generated in dev mode) once. */
public record WidgetSecretHolder(byte[] bytes) {
}
