package dev.supportsuite.ticket.handoff.adapter;

import dev.supportsuite.ticket.handoff.domain.Handoff;
import dev.supportsuite.ticket.handoff.domain.HandoffRepository;
import dev.supportsuite.ticket.handoff.domain.HandoffStatus;
import dev.supportsuite.ticket.shared.adapter.Binds;
import dev.supportsuite.ticket.ticket.domain.TicketPriority;
import dev.supportsuite.ticket.ticket.domain.TicketStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The handoff queue in PostgreSQL; claims are decided by one conditional update. */
public class R2dbcHandoffRepository implements HandoffRepository {

    private static final String COLUMNS = "id, request_event, conversation_id, user_id, ticket_id, reasons, summary, "
            + "frustration, priority, status, claimed_by, claimed_at, created_at, updated_at";

    private final DatabaseClient db;

    public R2dbcHandoffRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> insertIfAbsent(Handoff handoff) {
        GenericExecuteSpec spec = db.sql("insert into handoff (id, request_event, conversation_id, user_id, ticket_id, "
                        + "reasons, summary, frustration, priority, priority_rank, status, created_at, updated_at) "
                        + "values (:id, :event, :conversationId, :userId, :ticketId, :reasons, :summary, "
                        + ":frustration, :priority, :rank, :status, :at, :at) on conflict do nothing")
                .bind("id", handoff.id())
                .bind("event", handoff.requestEventId())
                .bind("conversationId", handoff.conversationId())
                .bind("ticketId", handoff.ticketId())
                .bind("reasons", handoff.reasons().toArray(String[]::new))
                .bind("frustration", handoff.frustration())
                .bind("priority", handoff.priority().wire())
                .bind("rank", handoff.priority().rank())
                .bind("status", handoff.status().wire())
                .bind("at", handoff.createdAt());
        spec = Binds.nullable(spec, "userId", handoff.userId(), String.class);
        spec = Binds.nullable(spec, "summary", handoff.summary(), String.class);
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Mono<Handoff> findById(String id) {
        return db.sql("select " + COLUMNS + " from handoff where id = :id").bind("id", id)
                .map(R2dbcHandoffRepository::handoff).one();
    }

    @Override
    public Flux<Handoff> findByStatus(HandoffStatus status, int limit) {
        return db.sql("select " + COLUMNS + " from handoff where status = :status "
                        + "order by priority_rank desc, created_at, id limit :limit")
                .bind("status", status.wire())
                .bind("limit", limit)
                .map(R2dbcHandoffRepository::handoff)
                .all();
    }

    @Override
    public Mono<Handoff> transition(String id, Set<HandoffStatus> expected, String requiredClaimant,
            HandoffStatus next, String claimedBy, Instant at) {
        StringBuilder sql = new StringBuilder("update handoff set status = :next, updated_at = :at");
        if (claimedBy != null) {
            sql.append(", claimed_by = :claimedBy, claimed_at = :at");
        }
        sql.append(" where id = :id and status = any(:expected)");
        if (requiredClaimant != null) {
            sql.append(" and (claimed_by is null or claimed_by = :claimant)");
        }
        sql.append(" returning ").append(COLUMNS);
        GenericExecuteSpec spec = db.sql(sql.toString())
                .bind("next", next.wire())
                .bind("at", at)
                .bind("id", id)
                .bind("expected", expected.stream().map(HandoffStatus::wire).toArray(String[]::new));
        if (claimedBy != null) {
            spec = spec.bind("claimedBy", claimedBy);
        }
        if (requiredClaimant != null) {
            spec = spec.bind("claimant", requiredClaimant);
        }
        return spec.map(R2dbcHandoffRepository::handoff).one();
    }

    @Override
    public Mono<Handoff> findClaimedByConversation(String conversationId) {
        return db.sql("select " + COLUMNS + " from handoff where conversation_id = :conversationId "
                        + "and status = :claimed order by claimed_at desc limit 1")
                .bind("conversationId", conversationId)
                .bind("claimed", HandoffStatus.CLAIMED.wire())
                .map(R2dbcHandoffRepository::handoff)
                .one();
    }

    @Override
    public Mono<Void> lockCustomer(String userId) {
        // A transaction-level advisory lock: released at commit or rollback, and no row has to exist yet.
        return db.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", "handoff-customer:" + userId)
                .then();
    }

    @Override
    public Mono<String> findActiveTicketOf(String userId) {
        return db.sql("select t.id from ticket t where t.user_id = :userId and t.status = any(:active) "
                        + "and exists (select 1 from handoff h where h.ticket_id = t.id) "
                        + "order by t.created_at desc, t.id desc limit 1")
                .bind("userId", userId)
                .bind("active", Arrays.stream(TicketStatus.values()).filter(TicketStatus::isActive)
                        .map(TicketStatus::wire).toArray(String[]::new))
                .map(row -> row.get("id", String.class))
                .one();
    }

    @Override
    public Mono<Boolean> anotherOn(String ticketId, String handoffId) {
        return db.sql("select exists (select 1 from handoff where ticket_id = :ticketId and id <> :id) as other")
                .bind("ticketId", ticketId)
                .bind("id", handoffId)
                .map(row -> row.get("other", Boolean.class))
                .one();
    }

    @Override
    public Mono<Boolean> anotherClaimed(String ticketId, String handoffId) {
        return db.sql("select exists (select 1 from handoff where ticket_id = :ticketId and id <> :id "
                        + "and status = :claimed) as claimed")
                .bind("ticketId", ticketId)
                .bind("id", handoffId)
                .bind("claimed", HandoffStatus.CLAIMED.wire())
                .map(row -> row.get("claimed", Boolean.class))
                .one();
    }

    static Handoff handoff(Readable row) {
        String[] reasons = row.get("reasons", String[].class);
        Double frustration = row.get("frustration", Double.class);
        return new Handoff(row.get("id", String.class), row.get("request_event", UUID.class),
                row.get("conversation_id", String.class), row.get("user_id", String.class),
                row.get("ticket_id", String.class), reasons == null ? List.of() : Arrays.asList(reasons),
                row.get("summary", String.class), frustration == null ? 0 : frustration,
                TicketPriority.parse(row.get("priority", String.class)),
                HandoffStatus.parse(row.get("status", String.class)), row.get("claimed_by", String.class),
                row.get("claimed_at", Instant.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
