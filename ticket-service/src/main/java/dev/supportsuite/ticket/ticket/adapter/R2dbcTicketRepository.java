package dev.supportsuite.ticket.ticket.adapter;

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

/** Tickets in the {@code ticket} schema of PostgreSQL, through R2DBC. */
public class R2dbcTicketRepository implements TicketRepository {

    private static final String COLUMNS = "id, user_id, subject, description, category, priority, status, assignee, "
            + "tags, conversation_id, created_at, updated_at";

    private final DatabaseClient db;

    public R2dbcTicketRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(Ticket ticket) {
        GenericExecuteSpec spec = db.sql("insert into ticket (" + COLUMNS + ") values (:id, :userId, :subject, "
                        + ":description, :category, :priority, :status, :assignee, :tags, :conversationId, :createdAt, "
                        + ":updatedAt)")
                .bind("userId", ticket.userId())
                .bind("createdAt", ticket.createdAt());
        spec = Binds.nullable(spec, "conversationId", ticket.conversationId(), String.class);
        return bindChangeableFields(spec, ticket).then();
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
                .concatMap(entry -> {
                    GenericExecuteSpec spec = db.sql("insert into ticket_history (ticket_id, actor, occurred_at, "
                                    + "action, field, old_value, new_value) values (:ticketId, :actor, :at, :action, "
                                    + ":field, :old, :new)")
                            .bind("ticketId", entry.ticketId())
                            .bind("actor", entry.actor())
                            .bind("at", entry.occurredAt())
                            .bind("action", entry.action());
                    spec = Binds.nullable(spec, "field", entry.field(), String.class);
                    spec = Binds.nullable(spec, "old", entry.oldValue(), String.class);
                    spec = Binds.nullable(spec, "new", entry.newValue(), String.class);
                    return spec.then();
                })
                .then();
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
    public Mono<Boolean> reserveIdempotencyKey(String caller, String key, String ticketId, String fingerprint) {
        return db.sql("insert into idempotency_key (caller, key, ticket_id, request_hash) "
                        + "values (:caller, :key, :ticketId, :hash) on conflict do nothing")
                .bind("caller", caller)
                .bind("key", key)
                .bind("ticketId", ticketId)
                .bind("hash", fingerprint)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
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
