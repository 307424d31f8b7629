package dev.supportsuite.agent.chat.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * The foundation's first responder: it recognises a greeting, an explicit ask for a person and a
 * thank-you by whole-word patterns, and otherwise says plainly that it has taken the message but
 * cannot answer it yet. It invents nothing. The knowledge-grounded pipeline replaces it.
 */
public final class BasicResponder implements Responder {

    private record Rule(String intent, Pattern pattern, String answer, boolean escalates) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("talk_to_human",
                    Pattern.compile("\\b(human|person|real agent|someone real|representative|operator)\\b"),
                    "I understand you would like to talk to a person. Handing a chat to a person is not "
                            + "available yet in this version; please use your usual support e-mail meanwhile.", false),
            new Rule("greeting",
                    Pattern.compile("^\\s*(hi|hello|hey|good (morning|afternoon|evening)|greetings)\\b[\\s!.,]*.{0,20}$"),
                    "Hello! I'm the support assistant. How can I help you today?", false),
            new Rule("feedback",
                    Pattern.compile("\\b(thanks|thank you|cheers|great help|much appreciated)\\b"),
                    "You're welcome! Is there anything else I can help with?", false));

    @Override
    public Mono<Reply> reply(String conversationId, String userId, String content) {
        String text = content.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(text).find()) {
                return Mono.just(new Reply(rule.answer(), rule.intent(), rule.escalates()));
            }
        }
        return Mono.just(new Reply("Thanks, I have your message. I can't look that up yet; "
                + "you can ask for a person at any time.", "unknown", false));
    }
}
