package dev.supportsuite.memory.profile.api;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.memory.caller.Caller;
import dev.supportsuite.memory.caller.UserNotFoundException;
import dev.supportsuite.memory.profile.domain.ProfileRepository;
import dev.supportsuite.memory.profile.domain.UserProfile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/memory/users/{userId}/profile}: the user's long-term profile (own, or any for an agent). */
@RestController
class ProfileController {

    private final ProfileRepository profiles;

    ProfileController(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/memory/users/{userId}/profile")
    Mono<UserProfile> profile(@PathVariable String userId,
            @RequestHeader(name = IdentityHeaders.TYPE, required = false) String type,
            @RequestHeader(name = IdentityHeaders.USER_ID, required = false) String id) {
        Caller caller = Caller.of(type, id);
        if (!caller.mayAccess(userId)) {
            return Mono.error(new UserNotFoundException(userId));
        }
        return profiles.facts(userId).collectList().map(facts -> UserProfile.of(userId, facts));
    }
}
