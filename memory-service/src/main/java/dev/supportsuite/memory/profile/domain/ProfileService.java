package dev.supportsuite.memory.profile.domain;

import dev.supportsuite.contracts.Event;
import java.util.List;
import reactor.core.publisher.Mono;

/** Keeps each user's open and resolved issues in step with ticket events. */
public final class ProfileService {

    private final ProfileRepository profiles;
    private final ProfileRules rules;

    public ProfileService(ProfileRepository profiles, ProfileRules rules) {
        this.profiles = profiles;
        this.rules = rules;
    }

    /** Applies a ticket event; events without a user, or of other types, change nothing. */
    public Mono<Void> onTicketEvent(Event event) {
        return rules.fromTicket(event).map(fact -> profiles.upsert(List.of(fact))).orElseGet(Mono::empty);
    }
}
