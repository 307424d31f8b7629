package dev.supportsuite.memory.summary.adapter;

import dev.supportsuite.memory.summary.domain.MessageKey;
import dev.supportsuite.memory.summary.domain.Summary;
import dev.supportsuite.memory.summary.domain.SummaryRepository;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Rolling summaries in table {@code conversation_summary}, one row per conversation. */
public class R2dbcSummaryRepository implements SummaryRepository {

    /** The columns {@link #summary} reads, prefixed for joins. */
    public static final String COLUMNS = "s.conversation_id as s_conversation_id, s.summary, s.ticket_ids, "
            + "s.open_items, s.resolved_items, s.covered_messages, s.covered_seq, s.covered_role_rank, "
            + "s.covered_message_id, s.generated_by, s.updated_at";

    private final DatabaseClient db;

    public R2dbcSummaryRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Summary> find(String conversationId) {
        return db.sql("select " + COLUMNS + " from conversation_summary s where s.conversation_id = :cid")
                .bind("cid", conversationId)
                .map(R2dbcSummaryRepository::summary)
                .one();
    }

    /**
     * Saves a refreshed summary. Ticket ids are merged with the stored ones, because a turn may have
     * added one while the summary was being written.
     */
    @Override
    public Mono<Void> save(Summary summary) {
        MessageKey until = summary.coveredUntil();
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into conversation_summary (conversation_id, summary, ticket_ids, open_items, resolved_items,
                            covered_messages, covered_seq, covered_role_rank, covered_message_id, generated_by, updated_at)
                        values (:cid, :summary, cast(:tickets as text[]), cast(:open as text[]), cast(:resolved as text[]),
                            :covered, :seq, :rank, :messageId, :by, :at)
                        on conflict (conversation_id) do update set summary = excluded.summary,
                            ticket_ids = array(select t from unnest(excluded.ticket_ids
                                               || conversation_summary.ticket_ids) with ordinality as x (t, n)
                                               group by t order by min(n)),
                            open_items = excluded.open_items, resolved_items = excluded.resolved_items,
                            covered_messages = excluded.covered_messages, covered_seq = excluded.covered_seq,
                            covered_role_rank = excluded.covered_role_rank,
                            covered_message_id = excluded.covered_message_id,
                            generated_by = excluded.generated_by, updated_at = excluded.updated_at""")
                .bind("cid", summary.conversationId())
                .bind("summary", summary.text())
                .bind("tickets", summary.ticketIds().toArray(String[]::new))
                .bind("open", summary.openItems().toArray(String[]::new))
                .bind("resolved", summary.resolvedItems().toArray(String[]::new))
                .bind("covered", summary.coveredMessages())
                .bind("by", summary.generatedBy())
                .bind("at", summary.updatedAt());
        if (until == null) {
            spec = spec.bindNull("seq", Long.class).bindNull("rank", Short.class).bindNull("messageId", String.class);
        } else {
            spec = spec.bind("seq", until.seq()).bind("rank", (short) until.roleRank())
                    .bind("messageId", until.messageId());
        }
        return spec.then();
    }

    /** Reads the {@link #COLUMNS}; null when the row (of a left join) is absent. */
    public static Summary summary(Readable row) {
        String conversationId = row.get("s_conversation_id", String.class);
        if (conversationId == null) {
            return null;
        }
        Number seq = row.get("covered_seq", Number.class);
        Number rank = row.get("covered_role_rank", Number.class);
        String messageId = row.get("covered_message_id", String.class);
        MessageKey until = seq == null || rank == null || messageId == null ? null
                : new MessageKey(seq.longValue(), rank.intValue(), messageId);
        Number covered = row.get("covered_messages", Number.class);
        OffsetDateTime updated = row.get("updated_at", OffsetDateTime.class);
        return new Summary(conversationId, row.get("summary", String.class), list(row, "ticket_ids"),
                list(row, "open_items"), list(row, "resolved_items"), covered == null ? 0 : covered.intValue(),
                until, row.get("generated_by", String.class), updated == null ? null : updated.toInstant());
    }

    private static List<String> list(Readable row, String column) {
        String[] values = row.get(column, String[].class);
        return values == null ? List.of() : List.of(values);
    }
}
