package dev.supportsuite.sentiment.bench;

import java.util.ArrayList;
import java.util.List;

/** Realistic support-chat messages of about 100 characters, for the speed benchmarks. */
final class Messages {

    private static final String[] BASE = {
        "Hi, I was charged twice for my subscription this month and I would like a refund for the extra payment.",
        "This is ridiculous, third time I ask!!! Nobody answers and the app still crashes when I open settings.",
        "Thanks a lot, the new export feature works great and saved me hours of manual work this week. Cheers!",
        "I have an issue with my invoice: the VAT number is missing and my accountant needs it by Friday please.",
        "The app is great but support is useless, I have been waiting for days for someone to reset my password",
        "Can you tell me how to change the delivery address on order 55213? I moved last week to a new place.",
        "WHY IS MY ACCOUNT STILL LOCKED??? I will cancel my subscription and switch to a competitor if not fixed",
        "not bad, the update fixed the sync problem, although the dashboard now loads a bit slower than before 🙂",
    };

    private Messages() {
    }

    static List<String> hundredCharacterMessages() {
        List<String> out = new ArrayList<>();
        for (String m : BASE) {
            out.add(m.length() > 100 ? m.substring(0, 100) : m);
        }
        return out;
    }
}
