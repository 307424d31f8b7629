package dev.supportsuite.gateway.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web origins may call the public API from a browser (the sites that embed the widget).
 *
 * @param allowedOrigins exact origins such as {@code https://shop.example.com}; empty = none
 *                       ({@code SUPPORT_CORS_ALLOWED_ORIGINS}, comma-separated)
 * @param maxAge         how long browsers may cache a preflight answer; default 30 min
 */
@ConfigurationProperties("support.gateway.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {
}
