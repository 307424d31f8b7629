package dev.supportsuite.ticket.ticket.adapter;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.ticket.outbox.OutboxRow;
import dev.supportsuite.ticket.shared.adapter.Binds;
import dev.supportsuite.ticket.ticket.domain.Comment;
import dev.supportsuite.ticket.ticket.domain.HistoryEntry;
import dev.supportsuite.ticket.ticket.domain.Ticket;
import dev.supportsuite.ticket.ticket.domain.TicketPriority;
import dev.supportsuite.ticket.ticket.domain.TicketRepository;
import dev.supportsuite.ticket.ticket.domain.TicketStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Tickets in the {@code ticket} schema of PostgreSQL, through R2DBC. */
public class R2dbcTicketRepository implements TicketRepository {

    private static final String COLUMNS = "id, user_id, subject, description, category, priority, status, assignee, "
            + "tags, conversation_id, created_at, updated_at";

    /*
     * A create is one statement of data-modifying CTEs, so it costs one round trip and commits on its
     * own: key (when given), ticket, history and outbox row all go in, or none does. The foreign keys
     * are checked at the end of the statement, when the ticket row exists. The casts keep every
     * parameter's type independent of how the driver tags it.
     */
    private static final String OPENED_FROM_RESERVED_KEY = "with reserved as ("
            + "insert into idempotency_key (caller, key, ticket_id, request_hash) "
            + "values (:caller, :key, :id, :hash) on conflict do nothing returning ticket_id), "
            + "opened as (insert into ticket (" + COLUMNS + ") select ticket_id, ";
    private static final String OPENED_DIRECTLY = "with opened as (insert into ticket (" + COLUMNS + ") select "
            + "cast(:id as text), ";
    private static final String OPENED_REST = "cast(:userId as text), cast(:subject as text), "
            + "cast(:description as text), cast(:category as text), cast(:priority as text), cast(:status as text), "
            + "cast(:assignee as text), cast(:tags as text[]), cast(:conversationId as text), "
            + "cast(:createdAt as timestamptz), cast(:updatedAt as timestamptz)%s returning id), "
            + "created as (insert into ticket_history (ticket_id, actor, occurred_at, action, field, old_value, "
            + "new_value) select id, cast(:actor as text), cast(:at as timestamptz), cast(:action as text), "
            + "cast(:field as text), cast(:old as text), cast(:new as text) from opened), "
            + "event as (insert into outbox (" + OutboxRow.COLUMNS + ") select cast(:eventId as uuid), "
            + "cast(:aggregateId as text), cast(:topic as text), cast(:type as text), cast(:payload as jsonb) "
            + "from opened) "
            + "select count(*) as written from opened";
    private static final String INSERT_OPENED_WITH_KEY = OPENED_FROM_RESERVED_KEY
            + OPENED_REST.formatted(" from reserved");
    private static final String INSERT_OPENED = OPENED_DIRECTLY + OPENED_REST.formatted("");

    private final DatabaseClient db;
    private final JsonMapper mapper;

    public R2dbcTicketRepository(DatabaseClient db, JsonMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Mono<Boolean> insertOpened(Ticket ticket, HistoryEntry created, String topic, Event event,
            IdempotencyClaim claim) {
        return Mono.fromCallable(() -> OutboxRow.of(topic, event, mapper))
                .flatMap(row -> {
                    GenericExecuteSpec spec = db.sql(claim == null ? INSERT_OPENED : INSERT_OPENED_WITH_KEY)
                            .bind("userId", ticket.userId())
                            .bind("createdAt", ticket.createdAt());
                    if (claim != null) {
                        spec = spec.bind("caller", claim.caller())
                                .bind("key", claim.key())
                                .bind("hash", claim.fingerprint());
                    }
                    spec = Binds.nullable(spec, "conversationId", ticket.conversationId(), String.class);
                    spec = bindChangeableFields(spec, ticket);
                    spec = bindHistory(spec, created);
                    return spec.bind("eventId", row.eventId())
                            .bind("aggregateId", row.aggregateId())
                            .bind("topic", row.topic())
                            .bind("type", row.eventType())
                            .bind("payload", row.payload())
                            .map(result -> result.get("written", Long.class))
                            .one();
                })
                .map(written -> written == 1L);
    }

    @Override
    public Mono<Ticket> findById(String id) {
        return db.sql("select " + COLUMNS + " from ticket where id = :id").bind("id", id).map(R2dbcTicketRepository::ticket)
                .one();
    }

    @Override
    public Mono<Ticket> findByIdForUpdate(String id) {
        return db.sql("select " + COLUMNS + " from ticket where id = :id for update").bind("id", id)
                .map(R2dbcTicketRepository::ticket).one();
    }

    @Override
    public Mono<Void> update(Ticket ticket) {
        GenericExecuteSpec spec = db.sql("update ticket set subject = :subject, description = :description, "
                        + "category = :category, priority = :priority, status = :status, assignee = :assignee, "
                        + "tags = :tags, updated_at = :updatedAt where id = :id");
        return bindChangeableFields(spec, ticket).then();
    }

    /** The id and every field an update may change, bound the same way for insert and update. */
    private static GenericExecuteSpec bindChangeableFields(GenericExecuteSpec spec, Ticket ticket) {
        GenericExecuteSpec bound = spec
                .bind("id", ticket.id())
                .bind("subject", ticket.subject())
                .bind("description", ticket.description())
                .bind("category", ticket.category())
                .bind("priority", ticket.priority().wire())
                .bind("status", ticket.status().wire())
                .bind("tags", ticket.tags().toArray(String[]::new))
                .bind("updatedAt", ticket.updatedAt());
        return Binds.nullable(bound, "assignee", ticket.assignee(), String.class);
    }

    @Override
    public Flux<Ticket> find(String userId, TicketStatus status, long offset, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from ticket where true");
        if (userId != null) {
            sql.append(" and user_id = :userId");
        }
        if (status != null) {
            sql.append(" and status = :status");
        }
        sql.append(" order by created_at desc, id desc limit :limit offset :offset");
        GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", limit).bind("offset", offset);
        if (userId != null) {
            spec = spec.bind("userId", userId);
        }
        if (status != null) {
            spec = spec.bind("status", status.wire());
        }
        return spec.map(R2dbcTicketRepository::ticket).all();
    }

    @Override
    public Mono<Void> appendHistory(List<HistoryEntry> entries) {
        return Flux.fromIterable(entries)
                .concatMap(entry -> bindHistory(db.sql("insert into ticket_history (ticket_id, actor, "
                                + "occurred_at, action, field, old_value, new_value) values (:ticketId, :actor, :at, "
                                + ":action, :field, :old, :new)")
                        .bind("ticketId", entry.ticketId()), entry)
                        .then())
                .then();
    }

    /** The values of a history entry but its ticket id. */
    private static GenericExecuteSpec bindHistory(GenericExecuteSpec spec, HistoryEntry entry) {
        GenericExecuteSpec bound = spec
                .bind("actor", entry.actor())
                .bind("at", entry.occurredAt())
                .bind("action", entry.action());
        bound = Binds.nullable(bound, "field", entry.field(), String.class);
        bound = Binds.nullable(bound, "old", entry.oldValue(), String.class);
        return Binds.nullable(bound, "new", entry.newValue(), String.class);
    }

    @Override
    public Flux<HistoryEntry> history(String ticketId) {
        return db.sql("select ticket_id, actor, occurred_at, action, field, old_value, new_value from ticket_history "
                        + "where ticket_id = :id order by id")
                .bind("id", ticketId)
                .map(row -> new HistoryEntry(row.get("ticket_id", String.class), row.get("actor", String.class),
                        row.get("occurred_at", Instant.class), row.get("action", String.class),
                        row.get("field", String.class), row.get("old_value", String.class),
                        row.get("new_value", String.class)))
                .all();
    }

    @Override
    public Mono<Void> insertComment(Comment comment) {
        return db.sql("insert into ticket_comment (id, ticket_id, author, body, created_at) "
                        + "values (:id, :ticketId, :author, :body, :at)")
                .bind("id", comment.id())
                .bind("ticketId", comment.ticketId())
                .bind("author", comment.author())
                .bind("body", comment.body())
                .bind("at", comment.createdAt())
                .then();
    }

    @Override
    public Flux<Comment> comments(String ticketId) {
        return db.sql("select id, ticket_id, author, body, created_at from ticket_comment where ticket_id = :id "
                        + "order by created_at, id")
                .bind("id", ticketId)
                .map(row -> new Comment(row.get("id", String.class), row.get("ticket_id", String.class),
                        row.get("author", String.class), row.get("body", String.class),
                        row.get("created_at", Instant.class)))
                .all();
    }

    @Override
    public Mono<IdempotencyRecord> findIdempotencyKey(String caller, String key) {
        return db.sql("select ticket_id, request_hash from idempotency_key where caller = :caller and key = :key")
                .bind("caller", caller)
                .bind("key", key)
                .map(row -> new IdempotencyRecord(row.get("ticket_id", String.class),
                        row.get("request_hash", String.class)))
                .one();
    }

    static Ticket ticket(Readable row) {
        String[] tags = row.get("tags", String[].class);
        return new Ticket(row.get("id", String.class), row.get("user_id", String.class),
                row.get("subject", String.class), row.get("description", String.class),
                row.get("category", String.class), TicketPriority.parse(row.get("priority", String.class)),
                TicketStatus.parse(row.get("status", String.class)), row.get("assignee", String.class),
                tags == null ? List.of() : Arrays.asList(tags), row.get("conversation_id", String.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }
}
