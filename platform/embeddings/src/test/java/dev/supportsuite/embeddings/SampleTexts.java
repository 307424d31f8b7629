package dev.supportsuite.embeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Varied texts for comparing embedders: support questions, paragraphs, over-long texts, unicode. */
final class SampleTexts {

    private static final String[] OPENERS = {"How do I", "Can you help me", "I want to", "Why can't I",
        "Is it possible to", "Please", "What happens when I", "Where do I"};
    private static final String[] ACTIONS = {"reset my password", "cancel my subscription",
        "change the billing email", "export all tickets to CSV", "add a teammate to the workspace",
        "get a refund for last month", "turn off two-factor authentication", "upgrade to the pro plan",
        "connect the Slack integration", "delete my account permanently", "download last year's invoices",
        "set up an automation for new tickets"};
    private static final String[] TAILS = {"", "?", " today?", " without losing data?", " — it's urgent!!",
        " asap", " (order #48213)", " on the mobile app", " because the card expired", " for 3 users"};
    private static final String[] WORDS = ("the workspace owner can invite members assign roles and review "
            + "billing history while automations route incoming tickets by priority language and customer plan "
            + "refunds are issued within fourteen days to the original payment method and invoices list taxes "
            + "per region data is encrypted at rest exports run nightly and the service level agreement promises "
            + "a first response within four business hours for enterprise customers").split(" ");
    private static final String[] SPECIAL = {"a", "?", "ok", "Hi!", "HELLO THERE", "  padded with spaces  ",
        "tab\tseparated\ttext", "line one\nline two", "Crème brûlée à la carte, naïve café", "東京で支払い方法を変更したい",
        "Мой платёж не прошёл", "مرحبا، أريد إلغاء اشتراكي", "I ❤️ this product 😀👍", "emoji only 🙂🙂🙂",
        "[UNK] [SEP] [CLS] literal special tokens", "<b>bold</b> &amp; <a href=\"x\">link</a>",
        "e-mail: jane.doe+test@example.com, phone +1 (555) 010-9999", "3.14159 2,718 1e-9 0xFF 100%",
        "don't won't can't shouldn't y'all", "supercalifragilisticexpialidocious antidisestablishmentarianism",
        "ß ẞ ﬁ ﬂ Ⅻ ① ２ ｆｕｌｌｗｉｄｔｈ", "ZWJ family 👨‍👩‍👧‍👦 and flags 🇩🇪🇫🇷",
        "Ünïcödé ÀÉÎÕÜ accents everywhere", "tokens:::;;;,,,...!!!???", "x".repeat(300),
        "word ".repeat(600), "Ω≈ç√∫˜µ≤≥÷ math-ish symbols"};

    private SampleTexts() {
    }

    /** About 200 texts: fixed special cases, then seeded questions, sentences and paragraphs. */
    static List<String> varied() {
        Random random = new Random(20261124L);
        List<String> texts = new ArrayList<>(List.of(SPECIAL));
        for (int i = 0; i < 90; i++) {
            texts.add(OPENERS[random.nextInt(OPENERS.length)] + " " + ACTIONS[random.nextInt(ACTIONS.length)]
                    + TAILS[random.nextInt(TAILS.length)]);
        }
        for (int i = 0; i < 60; i++) {
            texts.add(words(random, 10 + random.nextInt(150)));
        }
        for (int i = 0; i < 15; i++) {
            texts.add(words(random, 400 + random.nextInt(900)));
        }
        return texts;
    }

    /** A text of {@code count} words from the support vocabulary, sentence-cased with full stops. */
    static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        boolean sentenceStart = true;
        for (int i = 0; i < count; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (sentenceStart) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            text.append(word);
            sentenceStart = random.nextInt(12) == 0;
            text.append(sentenceStart ? ". " : " ");
        }
        return text.toString().strip();
    }
}
