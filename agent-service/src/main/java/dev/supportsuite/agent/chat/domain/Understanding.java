package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.intent.domain.Entity;
import java.util.List;
import java.util.Optional;

/**
 * What the agent made of one customer message: intent, entities and mood.
 *
 * @param confidence       the classifier's calibrated confidence in {@code intent}
 * @param classifierFailed the classifier was unavailable and a fallback pattern chose the intent
 */
public record Understanding(String intent, double confidence, boolean outOfScope, List<Entity> entities, Mood mood,
        boolean classifierFailed) {

    public Understanding {
        entities = List.copyOf(entities);
    }

    public Optional<String> entity(String type) {
        return entities.stream().filter(entity -> entity.type().equals(type)).map(Entity::value).findFirst();
    }

    /** The same understanding, acting on {@code command} (an explicit command the customer gave). */
    public Understanding actingAs(String command) {
        return new Understanding(command, confidence, false, entities, mood, classifierFailed);
    }

    public boolean is(String candidate) {
        return !outOfScope && candidate.equals(intent);
    }
}
