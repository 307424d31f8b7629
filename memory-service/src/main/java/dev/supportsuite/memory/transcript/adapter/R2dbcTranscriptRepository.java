package dev.supportsuite.memory.transcript.adapter;

import dev.supportsuite.contracts.chat.Citation;
import dev.supportsuite.contracts.conversation.SentimentSnapshot;
import dev.supportsuite.contracts.conversation.ToolCall;
import dev.supportsuite.memory.profile.adapter.FactSql;
import dev.supportsuite.memory.profile.domain.ProfileFact;
import dev.supportsuite.memory.transcript.domain.Conversation;
import dev.supportsuite.memory.transcript.domain.ConversationSummaryView;
import dev.supportsuite.memory.transcript.domain.Page;
import dev.supportsuite.memory.transcript.domain.RecordedTurn;
import dev.supportsuite.memory.transcript.domain.StoreOutcome;
import dev.supportsuite.memory.transcript.domain.StoredMessage;
import dev.supportsuite.memory.transcript.domain.TranscriptRepository;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transcripts in PostgreSQL. A turn is one statement: the conversation upsert (which only matches
 * when the turn's user owns the conversation), the messages ({@code on conflict do nothing}), the
 * ticket ids mentioned and the profile facts learned, all conditional on that ownership.
 */
public class R2dbcTranscriptRepository implements TranscriptRepository {

    static final String MESSAGE_COLUMNS = "message_id, conversation_id, seq, role, content, intent, "
            + "sentiment::text as sentiment, citations::text as citations, tool_calls::text as tool_calls, sent_at";
    private static final String ORDER = "seq, role_rank, sent_at, message_id";

    private final DatabaseClient db;
    private final JsonMapper json;

    public R2dbcTranscriptRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<StoreOutcome> store(RecordedTurn turn) {
        List<ProfileFact> facts = FactSql.distinctByKey(turn.facts());
        StringBuilder sql = new StringBuilder("""
                with conv as (
                    insert into conversation (conversation_id, user_id, status, started_at, last_activity_at)
                    values (:cid, :uid, :status, :startedAt, :lastAt)
                    on conflict (conversation_id) do update
                        set started_at = least(conversation.started_at, excluded.started_at),
                            last_activity_at = greatest(conversation.last_activity_at, excluded.last_activity_at),
                            status = case when excluded.status = 'escalated' then excluded.status
                                          else conversation.status end
                        where conversation.user_id = excluded.user_id
                    returning conversation_id
                ), incoming (message_id, seq, role_rank, role, content, intent, sentiment, citations, tool_calls,
                             sent_at) as (
                    values\s""");
        for (int i = 0; i < turn.messages().size(); i++) {
            String p = ":m" + i + "_";
            sql.append(i == 0 ? "" : ", ").append("(cast(").append(p).append("id as text), cast(").append(p)
                    .append("seq as bigint), cast(").append(p).append("rank as smallint), cast(").append(p)
                    .append("role as text), cast(").append(p).append("content as text), cast(").append(p)
                    .append("intent as text), cast(").append(p).append("sentiment as jsonb), cast(").append(p)
                    .append("citations as jsonb), cast(").append(p).append("tools as jsonb), cast(").append(p)
                    .append("sent as timestamptz))");
        }
        sql.append("""
                ), stored as (
                    insert into message (message_id, conversation_id, seq, role_rank, role, content, intent,
                                         sentiment, citations, tool_calls, sent_at)
                    select i.message_id, :cid, i.seq, i.role_rank, i.role, i.content, i.intent, i.sentiment,
                           i.citations, i.tool_calls, i.sent_at
                    from incoming i where exists (select 1 from conv)
                    on conflict (message_id) do nothing
                    returning 1
                )""");
        if (!turn.ticketIds().isEmpty()) {
            sql.append("""
                    , tickets as (
                        insert into conversation_summary (conversation_id, ticket_ids)
                        select :cid, cast(:tickets as text[]) where exists (select 1 from conv)
                        on conflict (conversation_id) do update
                            set ticket_ids = array(select t from unnest(conversation_summary.ticket_ids
                                                   || excluded.ticket_ids) with ordinality as x (t, n)
                                                   group by t order by min(n))
                        returning 1
                    )""");
        }
        boolean markProcessed = turn.eventId() != null && turn.consumerGroup() != null;
        if (markProcessed) {
            // Recorded here, atomically with the turn; the listener is told not to write it again.
            sql.append("""
                    , processed as (
                        insert into processed_event (consumer_group, event_id)
                        select :group, :eventId where exists (select 1 from conv)
                        on conflict do nothing
                        returning 1
                    )""");
        }
        if (!facts.isEmpty()) {
            sql.append(", facts as (").append(FactSql.upsert(facts.size(), "exists (select 1 from conv)"))
                    .append(" returning 1)");
        }
        sql.append("""
                 select (select count(*) from conv) as owned,
                        (select count(*) from stored) as inserted,
                        (select count(*) from message where conversation_id = :cid) as existing,
                        (select covered_messages from conversation_summary where conversation_id = :cid) as covered
                """);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString())
                .bind("cid", turn.conversationId())
                .bind("uid", turn.userId())
                .bind("status", turn.escalated() ? Conversation.ESCALATED : Conversation.ACTIVE)
                .bind("startedAt", turn.startedAt())
                .bind("lastAt", turn.lastActivityAt());
        for (int i = 0; i < turn.messages().size(); i++) {
            StoredMessage message = turn.messages().get(i);
            String p = "m" + i + "_";
            spec = spec.bind(p + "id", message.messageId())
                    .bind(p + "seq", message.seq())
                    .bind(p + "rank", (short) message.roleRank())
                    .bind(p + "role", message.role())
                    .bind(p + "content", message.content());
            spec = FactSql.nullable(spec, p + "intent", message.intent(), String.class);
            spec = FactSql.nullable(spec, p + "sentiment",
                    message.sentiment() == null ? null : json.writeValueAsString(message.sentiment()), String.class);
            spec = FactSql.nullable(spec, p + "citations",
                    message.citations().isEmpty() ? null : json.writeValueAsString(message.citations()), String.class);
            spec = FactSql.nullable(spec, p + "tools",
                    message.toolCalls().isEmpty() ? null : json.writeValueAsString(message.toolCalls()), String.class);
            spec = spec.bind(p + "sent", message.sentAt());
        }
        if (!turn.ticketIds().isEmpty()) {
            spec = spec.bind("tickets", turn.ticketIds().toArray(String[]::new));
        }
        if (markProcessed) {
            spec = spec.bind("group", turn.consumerGroup()).bind("eventId", turn.eventId());
        }
        spec = FactSql.bind(spec, facts);
        return spec.map(row -> new StoreOutcome(count(row, "owned") > 0, (int) count(row, "inserted"),
                        count(row, "existing") + count(row, "inserted"), count(row, "covered")))
                .one();
    }

    private static long count(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.longValue();
    }

    @Override
    public Flux<StoredMessage> messages(String conversationId) {
        return db.sql("select " + MESSAGE_COLUMNS + " from message where conversation_id = :cid order by " + ORDER)
                .bind("cid", conversationId)
                .map(this::message)
                .all();
    }

    @Override
    public Mono<Conversation> conversation(String conversationId) {
        return db.sql("select conversation_id, user_id, status, started_at, last_activity_at from conversation"
                        + " where conversation_id = :cid")
                .bind("cid", conversationId)
                .map(R2dbcTranscriptRepository::toConversation)
                .one();
    }

    @Override
    public Mono<Page<ConversationSummaryView>> conversationsOf(String userId, int page, int size) {
        Mono<List<ConversationSummaryView>> items = db.sql("""
                        select c.conversation_id, c.user_id, c.status, c.started_at, c.last_activity_at,
                               (select count(*) from message m where m.conversation_id = c.conversation_id) as messages,
                               s.summary
                        from conversation c left join conversation_summary s on s.conversation_id = c.conversation_id
                        where c.user_id = :uid
                        order by c.last_activity_at desc, c.conversation_id
                        limit :limit offset :offset""")
                .bind("uid", userId)
                .bind("limit", size)
                .bind("offset", (long) page * size)
                .map(row -> new ConversationSummaryView(row.get("conversation_id", String.class),
                        row.get("user_id", String.class), row.get("status", String.class),
                        instant(row.get("started_at", OffsetDateTime.class)),
                        instant(row.get("last_activity_at", OffsetDateTime.class)), count(row, "messages"),
                        blankToNull(row.get("summary", String.class))))
                .all()
                .collectList();
        Mono<Long> total = db.sql("select count(*) as total from conversation where user_id = :uid")
                .bind("uid", userId)
                .map(row -> count(row, "total"))
                .one();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page, size, count));
    }

    @Override
    public Mono<Page<StoredMessage>> messages(String conversationId, int page, int size) {
        Mono<List<StoredMessage>> items = db.sql("select " + MESSAGE_COLUMNS
                        + " from message where conversation_id = :cid order by " + ORDER
                        + " limit :limit offset :offset")
                .bind("cid", conversationId)
                .bind("limit", size)
                .bind("offset", (long) page * size)
                .map(this::message)
                .all()
                .collectList();
        Mono<Long> total = db.sql("select count(*) as total from message where conversation_id = :cid")
                .bind("cid", conversationId)
                .map(row -> count(row, "total"))
                .one();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page, size, count));
    }

    StoredMessage message(Readable row) {
        String sentiment = row.get("sentiment", String.class);
        String citations = row.get("citations", String.class);
        String tools = row.get("tool_calls", String.class);
        return new StoredMessage(row.get("message_id", String.class), row.get("conversation_id", String.class),
                count(row, "seq"), row.get("role", String.class), row.get("content", String.class),
                row.get("intent", String.class),
                sentiment == null ? null : json.readValue(sentiment, SentimentSnapshot.class),
                citations == null ? List.of() : List.of(json.readValue(citations, Citation[].class)),
                tools == null ? List.of() : List.of(json.readValue(tools, ToolCall[].class)),
                instant(row.get("sent_at", OffsetDateTime.class)));
    }

    static Conversation toConversation(Readable row) {
        return new Conversation(row.get("conversation_id", String.class), row.get("user_id", String.class),
                row.get("status", String.class), instant(row.get("started_at", OffsetDateTime.class)),
                instant(row.get("last_activity_at", OffsetDateTime.class)));
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
