package dev.supportsuite.memory.profile.domain;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Profile facts keyed by (user, fact key). */
public interface ProfileRepository {

    /** Inserts or updates facts; an observation older than the stored one changes nothing. */
    Mono<Void> upsert(List<ProfileFact> facts);

    /** The user's facts that have not expired. */
    Flux<ProfileFact> facts(String userId);
}
