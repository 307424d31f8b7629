package dev.supportsuite.agent.conversation.adapter;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.ConversationStateRepository;
import dev.supportsuite.agent.conversation.domain.Mode;
import dev.supportsuite.agent.conversation.domain.Pending;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversation states in {@code agent.conversation_state}: the columns that are queried stand alone, the
 * rest is one JSON memo. Writes are conditional on the version read, so a turn never overwrites a mode
 * change made by a handoff event in the meantime (or the other way round).
 */
public final class R2dbcConversationStateRepository implements ConversationStateRepository {

    private static final String COLUMNS = "conversation_id, user_id, identity_type, mode, handoff_id, memo::text AS memo, "
            + "version, updated_at";

    private static final String INSERT = """
            INSERT INTO conversation_state (conversation_id, user_id, identity_type, mode, handoff_id, memo, version,
                updated_at)
            VALUES (:id, :userId, :identityType, :mode, :handoffId, CAST(:memo AS jsonb), 1, :updatedAt)
            ON CONFLICT (conversation_id) DO NOTHING
            """;

    private static final String UPDATE = """
            UPDATE conversation_state SET mode = :mode, handoff_id = :handoffId, memo = CAST(:memo AS jsonb),
                version = version + 1, updated_at = :updatedAt
            WHERE conversation_id = :id AND version = :version
            """;

    /** The part of the state nobody queries by. */
    record Memo(Pending pending, List<String> recentIntents, List<String> recentMessages, List<Double> polarities,
            int unanswered, long lastSeq, Instant waitingSince, String lastTicketId, String lastAnswerId,
            List<String> listedTicketIds) {
    }

    private final DatabaseClient db;
    private final JsonMapper json;

    public R2dbcConversationStateRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<ConversationState> find(String conversationId) {
        return db.sql("SELECT " + COLUMNS + " FROM conversation_state WHERE conversation_id = :id")
                .bind("id", conversationId)
                .map(this::read)
                .one();
    }

    @Override
    public Mono<ConversationState> save(ConversationState state) {
        String memo = json.writeValueAsString(new Memo(state.pending(), state.recentIntents(), state.recentMessages(),
                state.polarities(), state.unanswered(), state.lastSeq(), state.waitingSince(), state.lastTicketId(),
                state.lastAnswerId(), state.listedTicketIds()));
        DatabaseClient.GenericExecuteSpec spec = db.sql(state.stored() ? UPDATE : INSERT)
                .bind("id", state.conversationId())
                .bind("mode", state.mode().wire())
                .bind("memo", memo)
                .bind("updatedAt", OffsetDateTime.ofInstant(state.updatedAt(), ZoneOffset.UTC));
        spec = state.handoffId() == null ? spec.bindNull("handoffId", String.class)
                : spec.bind("handoffId", state.handoffId());
        spec = state.stored() ? spec.bind("version", state.version())
                : spec.bind("userId", state.userId()).bind("identityType", state.identityType());
        return spec.fetch().rowsUpdated()
                .filter(rows -> rows == 1)
                .map(rows -> state.savedOnce());
    }

    @Override
    public Flux<ConversationState> waitingSince(Instant before, int limit) {
        // The memo keeps the instant as ISO-8601 text; only due conversations leave the database.
        return db.sql("SELECT " + COLUMNS + " FROM conversation_state WHERE mode = 'waiting_for_human' "
                        + "AND (memo->>'waitingSince')::timestamptz < :before "
                        + "AND (memo->'pending' IS NULL OR memo->'pending' = 'null'::jsonb) "
                        + "ORDER BY (memo->>'waitingSince')::timestamptz LIMIT :limit")
                .bind("before", before.atOffset(ZoneOffset.UTC))
                .bind("limit", limit)
                .map(this::read)
                .all();
    }

    @Override
    public Mono<ConversationState> latestActive(String userId, Instant since) {
        return db.sql("SELECT " + COLUMNS + " FROM conversation_state WHERE user_id = :userId AND updated_at >= :since "
                        + "ORDER BY updated_at DESC LIMIT 1")
                .bind("userId", userId)
                .bind("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .map(this::read)
                .one();
    }

    private ConversationState read(Readable row) {
        Memo memo = json.readValue(row.get("memo", String.class), Memo.class);
        return new ConversationState(row.get("conversation_id", String.class), row.get("user_id", String.class),
                row.get("identity_type", String.class), Mode.fromWire(row.get("mode", String.class)),
                row.get("handoff_id", String.class), memo.pending(), nullToEmpty(memo.recentIntents()),
                nullToEmpty(memo.recentMessages()), nullToEmpty(memo.polarities()), memo.unanswered(), memo.lastSeq(),
                row.get("version", Long.class), row.get("updated_at", OffsetDateTime.class).toInstant(),
                memo.waitingSince(), memo.lastTicketId(), memo.lastAnswerId(),
                nullToEmpty(memo.listedTicketIds()));
    }

    private static <T> List<T> nullToEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
