package dev.supportsuite.memory.erasure;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Deletes every row of a user (messages, summaries, conversations, facts) in one atomic statement. */
@org.springframework.stereotype.Repository
class R2dbcErasureRepository {

    private final DatabaseClient db;

    R2dbcErasureRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<ErasureResult> erase(String userId) {
        return db.sql("""
                        with owned as (select conversation_id from conversation where user_id = :uid),
                        messages as (delete from message where conversation_id in (select conversation_id from owned)
                                     returning 1),
                        summaries as (delete from conversation_summary
                                      where conversation_id in (select conversation_id from owned) returning 1),
                        conversations as (delete from conversation where user_id = :uid returning 1),
                        facts as (delete from profile_fact where user_id = :uid returning 1)
                        select (select count(*) from conversations) as conversations,
                               (select count(*) from messages) as messages,
                               (select count(*) from facts) as facts""")
                .bind("uid", userId)
                .map(row -> new ErasureResult(userId, count(row, "conversations"), count(row, "messages"),
                        count(row, "facts")))
                .one();
    }

    private static int count(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.intValue();
    }
}
