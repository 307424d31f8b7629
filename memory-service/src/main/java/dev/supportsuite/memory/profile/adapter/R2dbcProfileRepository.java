package dev.supportsuite.memory.profile.adapter;

import dev.supportsuite.memory.profile.domain.ProfileFact;
import dev.supportsuite.memory.profile.domain.ProfileRepository;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Profile facts in table {@code profile_fact}. */
public class R2dbcProfileRepository implements ProfileRepository {

    private final DatabaseClient db;

    public R2dbcProfileRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> upsert(List<ProfileFact> facts) {
        List<ProfileFact> distinct = FactSql.distinctByKey(facts);
        if (distinct.isEmpty()) {
            return Mono.empty();
        }
        return FactSql.bind(db.sql(FactSql.upsert(distinct.size(), null)), distinct).then();
    }

    @Override
    public Flux<ProfileFact> facts(String userId) {
        return db.sql("select user_id, fact_key, category, value, source_message_id, source_conversation_id,"
                        + " observed_at, expires_at from profile_fact"
                        + " where user_id = :user and (expires_at is null or expires_at > now())"
                        + " order by observed_at desc")
                .bind("user", userId)
                .map(R2dbcProfileRepository::fact)
                .all();
    }

    static ProfileFact fact(Readable row) {
        return new ProfileFact(row.get("user_id", String.class), row.get("fact_key", String.class),
                row.get("category", String.class), row.get("value", String.class),
                row.get("source_message_id", String.class), row.get("source_conversation_id", String.class),
                instant(row.get("observed_at", OffsetDateTime.class)),
                instant(row.get("expires_at", OffsetDateTime.class)));
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
