package dev.supportsuite.platform.web;

import io.netty.channel.ChannelOption;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** Gives every {@code WebClient.Builder} of a service connect and response timeouts. */
public final class WebClientDefaults implements WebClientCustomizer {

    private final HttpClientProperties properties;

    public WebClientDefaults(HttpClientProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(WebClient.Builder builder) {
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
                .responseTimeout(properties.responseTimeout());
        builder.clientConnector(new ReactorClientHttpConnector(client));
    }
}
