package dev.supportsuite.memory.context.adapter;

import dev.supportsuite.memory.context.domain.ContextHead;
import dev.supportsuite.memory.context.domain.ContextRepository;
import dev.supportsuite.memory.context.domain.PreviousConversation;
import dev.supportsuite.memory.profile.domain.ProfileFact;
import dev.supportsuite.memory.summary.adapter.R2dbcSummaryRepository;
import dev.supportsuite.memory.summary.domain.ExtractiveSummarizer;
import dev.supportsuite.memory.transcript.domain.Conversation;
import dev.supportsuite.memory.transcript.domain.StoredMessage;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The context reads. {@link #head} is one statement that returns the conversation, its summary,
 * the owner's facts (as a JSON array) and the previous conversation (as a JSON object), so a
 * context costs two index lookups-heavy queries that run in parallel.
 */
public class R2dbcContextRepository implements ContextRepository {

    private static final int NOTE_CHARS = 200;

    private static final String PREVIOUS = """
            (select json_build_object('conversationId', p.conversation_id, 'startedAt', p.started_at,
                        'lastActivityAt', p.last_activity_at, 'status', p.status, 'summary', ps.summary,
                        'ticketIds', ps.ticket_ids,
                        'firstMessage', (select m.content from message m where m.conversation_id = p.conversation_id
                                         and m.role = 'user'
                                         order by case when m.intent in (%s) then 1 else 0 end, m.seq, m.role_rank
                                         limit 1))::text
             from conversation p left join conversation_summary ps on ps.conversation_id = p.conversation_id
             where p.user_id = o.user_id and p.conversation_id <> :cid
               and (c.started_at is null or p.started_at < c.started_at)
             order by p.last_activity_at desc limit 1) as previous""".formatted(ExtractiveSummarizer.CHATTER_INTENTS
            .stream().sorted().map(intent -> "'" + intent + "'").collect(Collectors.joining(", ")));

    private static final String HEAD = """
            with o as (
                select coalesce((select user_id from conversation where conversation_id = :cid),
                                cast(:hint as text)) as user_id
            )
            select o.user_id as owner_id, c.conversation_id, c.user_id, c.status, c.started_at, c.last_activity_at,
                   %s,
                   (select json_agg(json_build_object('key', f.fact_key, 'category', f.category, 'value', f.value,
                                'sourceMessageId', f.source_message_id,
                                'sourceConversationId', f.source_conversation_id,
                                'observedAt', f.observed_at, 'expiresAt', f.expires_at)
                                order by f.observed_at desc)::text
                    from profile_fact f
                    where f.user_id = o.user_id and (f.expires_at is null or f.expires_at > now())) as facts,
                   %s
            from o
            left join conversation c on c.conversation_id = :cid
            left join conversation_summary s on s.conversation_id = :cid
            """.formatted(R2dbcSummaryRepository.COLUMNS, PREVIOUS);

    private static final String LAST = """
            with o as (select cast(:uid as text) as user_id),
                 c as (select cast(null as timestamptz) as started_at)
            select %s from o, c
            """.formatted(PREVIOUS);

    private final DatabaseClient db;
    private final JsonMapper json;

    public R2dbcContextRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<ContextHead> head(String conversationId, String userHint) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(HEAD).bind("cid", conversationId);
        spec = userHint == null ? spec.bindNull("hint", String.class) : spec.bind("hint", userHint);
        return spec.map(this::toHead).one();
    }

    private ContextHead toHead(Readable row) {
        String owner = row.get("owner_id", String.class);
        String conversationId = row.get("conversation_id", String.class);
        Conversation conversation = conversationId == null ? null
                : new Conversation(conversationId, row.get("user_id", String.class), row.get("status", String.class),
                        instant(row.get("started_at", OffsetDateTime.class)),
                        instant(row.get("last_activity_at", OffsetDateTime.class)));
        return new ContextHead(owner, conversation, R2dbcSummaryRepository.summary(row),
                facts(owner, row.get("facts", String.class)), previous(row.get("previous", String.class)));
    }

    @Override
    public Flux<StoredMessage> latest(String conversationId, int limit) {
        return db.sql("select message_id, seq, role, content, intent, sent_at from message"
                        + " where conversation_id = :cid order by seq desc, role_rank desc, sent_at desc,"
                        + " message_id desc limit :limit")
                .bind("cid", conversationId)
                .bind("limit", limit)
                .map(row -> new StoredMessage(row.get("message_id", String.class), conversationId,
                        row.get("seq", Long.class), row.get("role", String.class), row.get("content", String.class),
                        row.get("intent", String.class), null, List.of(), List.of(),
                        instant(row.get("sent_at", OffsetDateTime.class))))
                .all();
    }

    @Override
    public Mono<PreviousConversation> lastConversation(String userId) {
        return db.sql(LAST)
                .bind("uid", userId)
                .bind("cid", "")
                .map(row -> java.util.Optional.ofNullable(previous(row.get("previous", String.class))))
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    private List<ProfileFact> facts(String userId, String text) {
        if (text == null) {
            return List.of();
        }
        List<ProfileFact> facts = new ArrayList<>();
        for (JsonNode node : json.readTree(text)) {
            facts.add(new ProfileFact(userId, string(node, "key"), string(node, "category"), string(node, "value"),
                    string(node, "sourceMessageId"), string(node, "sourceConversationId"),
                    time(node, "observedAt"), time(node, "expiresAt")));
        }
        return facts;
    }

    private PreviousConversation previous(String text) {
        if (text == null) {
            return null;
        }
        JsonNode node = json.readTree(text);
        String summary = string(node, "summary");
        String line;
        if (summary != null && !summary.isBlank()) {
            line = summary.strip().lines().findFirst().orElse("");
        } else {
            String first = string(node, "firstMessage");
            line = first == null ? "" : "Customer wrote: " + first.strip().replaceAll("\\s+", " ");
        }
        line = line.length() <= NOTE_CHARS ? line : line.substring(0, NOTE_CHARS - 1) + "…";
        List<String> tickets = new ArrayList<>();
        JsonNode ids = node.get("ticketIds");
        if (ids != null && ids.isArray()) {
            ids.forEach(id -> tickets.add(id.asString()));
        }
        if (!tickets.isEmpty()) {
            line = line + (line.isEmpty() ? "" : " ") + "Tickets: " + String.join(", ", tickets) + ".";
        }
        return new PreviousConversation(string(node, "conversationId"), time(node, "startedAt"),
                time(node, "lastActivityAt"), string(node, "status"), line);
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Instant time(JsonNode node, String field) {
        String value = string(node, field);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
