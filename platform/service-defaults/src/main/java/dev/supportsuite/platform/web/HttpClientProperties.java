package dev.supportsuite.platform.web;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Defaults for every outbound HTTP call a service makes with {@code WebClient}.
 *
 * @param connectTimeout  how long to wait for a TCP connection; default 2 s
 * @param responseTimeout how long to wait for a response once the request is sent; default 5 s
 */
@Validated
@ConfigurationProperties("support.http.client")
public record HttpClientProperties(
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("5s") Duration responseTimeout) {
}
