package dev.supportsuite.memory.profile.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What memory-service knows about one user, assembled from their unexpired facts.
 *
 * @param facts every fact with its source and expiry, newest first
 */
public record UserProfile(String userId, String name, String preferredLanguage, String preferredChannel,
        String plan, List<String> products, List<String> openIssues, List<String> resolvedIssues,
        List<String> escalations, List<String> feedback, List<ProfileFact> facts) {

    /** The profile of {@code userId} from its facts (facts of other users are ignored). */
    public static UserProfile of(String userId, List<ProfileFact> all) {
        List<ProfileFact> facts = all.stream()
                .filter(fact -> userId != null && userId.equals(fact.userId()))
                .sorted(Comparator.comparing(ProfileFact::observedAt).reversed())
                .toList();
        return new UserProfile(userId, first(facts, FactCategory.NAME), first(facts, FactCategory.LANGUAGE),
                first(facts, FactCategory.CHANNEL), first(facts, FactCategory.PLAN),
                values(facts, FactCategory.PRODUCT), issues(facts, FactCategory.OPEN_ISSUE),
                issues(facts, FactCategory.RESOLVED_ISSUE), values(facts, FactCategory.ESCALATION),
                values(facts, FactCategory.FEEDBACK), facts);
    }

    private static String first(List<ProfileFact> facts, String category) {
        return facts.stream().filter(f -> category.equals(f.category())).map(ProfileFact::value).findFirst()
                .orElse(null);
    }

    private static List<String> values(List<ProfileFact> facts, String category) {
        return facts.stream().filter(f -> category.equals(f.category())).map(ProfileFact::value).distinct()
                .toList();
    }

    /** Issues read "TKT-1: subject" so the ticket id is always in sight. */
    private static List<String> issues(List<ProfileFact> facts, String category) {
        List<String> issues = new ArrayList<>();
        for (ProfileFact fact : facts) {
            if (category.equals(fact.category())) {
                String ticketId = fact.key().startsWith(ProfileRules.ISSUE_PREFIX)
                        ? fact.key().substring(ProfileRules.ISSUE_PREFIX.length()) : fact.key();
                issues.add(ticketId + ": " + fact.value());
            }
        }
        return List.copyOf(issues);
    }
}
