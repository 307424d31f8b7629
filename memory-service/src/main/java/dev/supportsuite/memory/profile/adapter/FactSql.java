package dev.supportsuite.memory.profile.adapter;

import dev.supportsuite.memory.profile.domain.ProfileFact;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The SQL that upserts profile facts, shared by the fact listener and by the turn statement (which
 * writes a turn's facts in the same statement as its messages). An observation older than the
 * stored one changes nothing; an empty value keeps the stored value.
 */
public final class FactSql {

    private FactSql() {
    }

    /** One fact per key: a later fact of the same key in one batch wins. */
    public static List<ProfileFact> distinctByKey(Collection<ProfileFact> facts) {
        Map<String, ProfileFact> byKey = new LinkedHashMap<>();
        for (ProfileFact fact : facts) {
            byKey.put(fact.userId() + "\u0000" + fact.key(), fact);
        }
        return List.copyOf(byKey.values());
    }

    /**
     * An {@code insert ... select} of the facts bound as {@code :f<i>_*} from a {@code values} list,
     * filtered by {@code condition} (for example {@code exists (select 1 from conv)}).
     */
    public static String upsert(int count, String condition) {
        StringBuilder sql = new StringBuilder(
                "insert into profile_fact (user_id, fact_key, category, value, source_message_id, "
                        + "source_conversation_id, observed_at, expires_at) select f.* from (values ");
        for (int i = 0; i < count; i++) {
            String p = ":f" + i + "_";
            sql.append(i == 0 ? "" : ", ")
                    .append("(cast(").append(p).append("user as text), cast(").append(p).append("key as text), cast(")
                    .append(p).append("category as text), cast(").append(p).append("value as text), cast(")
                    .append(p).append("message as text), cast(").append(p).append("conversation as text), cast(")
                    .append(p).append("observed as timestamptz), cast(").append(p).append("expires as timestamptz))");
        }
        sql.append(") as f (user_id, fact_key, category, value, source_message_id, source_conversation_id, "
                + "observed_at, expires_at)");
        if (condition != null) {
            sql.append(" where ").append(condition);
        }
        sql.append(" on conflict (user_id, fact_key) do update set category = excluded.category,"
                + " value = case when excluded.value = '' then profile_fact.value else excluded.value end,"
                + " source_message_id = coalesce(excluded.source_message_id, profile_fact.source_message_id),"
                + " source_conversation_id = coalesce(excluded.source_conversation_id, profile_fact.source_conversation_id),"
                + " observed_at = excluded.observed_at, expires_at = excluded.expires_at"
                + " where excluded.observed_at >= profile_fact.observed_at");
        return sql.toString();
    }

    /** Binds the facts for {@link #upsert}. */
    public static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec,
            List<ProfileFact> facts) {
        for (int i = 0; i < facts.size(); i++) {
            ProfileFact fact = facts.get(i);
            String p = "f" + i + "_";
            spec = spec.bind(p + "user", fact.userId())
                    .bind(p + "key", fact.key())
                    .bind(p + "category", fact.category())
                    .bind(p + "value", fact.value());
            spec = nullable(spec, p + "message", fact.sourceMessageId(), String.class);
            spec = nullable(spec, p + "conversation", fact.sourceConversationId(), String.class);
            spec = spec.bind(p + "observed", fact.observedAt());
            spec = nullable(spec, p + "expires", fact.expiresAt(), Instant.class);
        }
        return spec;
    }

    /** Binds a value that may be null. */
    public static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
            Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
