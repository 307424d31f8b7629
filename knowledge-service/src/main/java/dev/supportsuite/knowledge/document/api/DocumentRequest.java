package dev.supportsuite.knowledge.document.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.supportsuite.knowledge.document.domain.DocumentDraft;
import dev.supportsuite.knowledge.document.domain.DocumentKind;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/**
 * A document to add or to put in place of another. Either {@code title} and {@code content}
 * (an article; {@code format} {@code markdown}, the default, or {@code text}) or
 * {@code question} and {@code answer} (an FAQ entry).
 */
public record DocumentRequest(
        @Size(max = 500) String title,
        @Size(max = 2_000_000) String content,
        @Size(max = 1000) String question,
        @Size(max = 20_000) String answer,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 _-]*", message = "letters, digits, space, - and _")
        String category,
        @Size(max = 2000) String source,
        List<@Size(max = 100) String> tags,
        @Pattern(regexp = "(?i)markdown|text", message = "markdown or text") String format) {

    @JsonIgnore
    @AssertTrue(message = "give either title and content, or question and answer")
    public boolean isComplete() {
        boolean article = notBlank(title) && notBlank(content) && question == null && answer == null;
        boolean faq = notBlank(question) && notBlank(answer) && title == null && content == null;
        return article || faq;
    }

    DocumentDraft toDraft() {
        if (question != null) {
            return new DocumentDraft(question.strip(), answer.strip(), category, source, tags, DocumentKind.FAQ);
        }
        DocumentKind kind = format != null && format.toLowerCase(Locale.ROOT).equals("text") ? DocumentKind.TEXT
                : DocumentKind.MARKDOWN;
        return new DocumentDraft(title.strip(), content, category, source, tags, kind);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
