package dev.supportsuite.gateway.security.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RedisOutageTests {

    private final AtomicLong clock = new AtomicLong(5_000_000_000L);
    private final RedisOutage outage = new RedisOutage(Duration.ofMinutes(1), clock::get);
    private final Logger logger = (Logger) LoggerFactory.getLogger(RedisOutage.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
    }

    @Test
    void warnsAtMostOncePerIntervalWithHowManyDecisionsFellBack() {
        RuntimeException down = new IllegalStateException("connection refused");
        outage.fellBack("request limit", down);
        outage.fellBack("request limit", down);
        outage.fellBack("connection admission", down);
        assertThat(warnings()).hasSize(1);

        clock.addAndGet(Duration.ofMinutes(1).toNanos());
        outage.fellBack("request limit", down);

        assertThat(warnings()).hasSize(2);
        assertThat(logged.list.get(1).getFormattedMessage()).contains("3 decision(s)").contains("connection refused");
        assertThat(outage.fallbacks()).isEqualTo(4);
    }

    @Test
    void saysOnceThatRedisIsBackAndNothingWhileAllIsWell() {
        outage.answered();
        assertThat(logged.list).isEmpty();

        outage.fellBack("request limit", new IllegalStateException("timeout"));
        outage.answered();
        outage.answered();

        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
    }

    private List<ILoggingEvent> warnings() {
        return logged.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
    }
}
