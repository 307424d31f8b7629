package dev.supportsuite.agent.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.agent.config.ProductProperties;
import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.Pending;
import dev.supportsuite.contracts.handoff.HandoffReasons;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small steps of a turn on their own: routing rules, slot extraction and short answers. */
class ConversationStepsTests {

    private final RoutingPolicy policy = new RoutingPolicy(new RoutingPolicy.Settings(0.8, 0.3, 3));
    private final ConversationState fresh = ConversationState.start("c", "u", "user", Instant.now());

    private static Understanding understood(String intent, Mood mood) {
        return new Understanding(intent, 0.9, "out_of_scope".equals(intent), List.of(), mood, false);
    }

    private static Mood mood(double polarity, double frustration, String trend, String escalation) {
        return new Mood(polarity, "neutral", frustration, trend, 0, escalation, List.of(), true);
    }

    @Test
    void sayingCalmlyThatTheyAreLeavingCallsInNoOneAndSayingItInAngerDoes() {
        String text = "can you delete all my data? I'm leaving";
        Mood calm = new Mood(-0.11, "negative", 0.5, "stable", 0, "suggest",
                List.of("elevated_frustration", "threat_to_leave"), true);
        Mood angry = new Mood(-0.7, "negative", 0.6, "stable", 0, "suggest",
                List.of("elevated_frustration", "threat_to_leave"), true);

        assertThat(policy.handoffReasons(understood("cancel_subscription", calm), text)).isEmpty();
        assertThat(policy.handoffReasons(understood("cancel_subscription", angry), text))
                .containsExactly(HandoffReasons.HIGH_FRUSTRATION);
    }

    @Test
    void frustrationAtTheThresholdHandsOverAndJustBelowDoesNot() {
        assertThat(policy.handoffReasons(understood("question", mood(-0.5, 0.8, "stable", "suggest")), "it fails"))
                .containsExactly(HandoffReasons.HIGH_FRUSTRATION);
        assertThat(policy.handoffReasons(understood("question", mood(-0.5, 0.79, "stable", "suggest")), "it fails"))
                .isEmpty();
    }

    @Test
    void unmeasuredMoodNeverHandsOverOnItsOwn() {
        assertThat(policy.handoffReasons(understood("complaint", Mood.unmeasured()), "it fails")).isEmpty();
        assertThat(policy.handoffReasons(understood("talk_to_human", Mood.unmeasured()), "a person"))
                .containsExactly(HandoffReasons.ASKED_FOR_HUMAN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "this is the third time, fix it or I cancel|true",
        "forget it, im switching to asana|true",
        "we will move to a competitor if this is not fixed today|true",
        "sort it out or else we'll take our business elsewhere|true",
        "or we go elsewhere|true",
        "how do I cancel my subscription?|false",
        "can I move tasks to another project?|false",
        "should I switch to the annual plan or stay monthly?|false"})
    void anUltimatumHandsOverWhateverTheScore(String text, boolean handsOver) {
        assertThat(policy.handoffReasons(understood("complaint", mood(-0.5, 0.6, "stable", "suggest")), text))
                .isEqualTo(handsOver ? List.of(HandoffReasons.HIGH_FRUSTRATION) : List.of());
    }

    @Test
    void sayingTheyWillCancelHandsOverOnlyInAnger() {
        String text = "we're going to cancel";
        assertThat(policy.handoffReasons(understood("complaint", mood(-0.6, 0.6, "declining", "suggest")), text))
                .containsExactly(HandoffReasons.HIGH_FRUSTRATION);
        assertThat(policy.handoffReasons(understood("question", mood(0.0, 0.1, "stable", "none")),
                text + " at the end of the year, how do we export our data?")).isEmpty();
        assertThat(policy.handoffReasons(understood("question", mood(-0.6, 0.6, "declining", "suggest")),
                "I'll leave a comment on the ticket")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "we're enterprise, i need someone from security on this NOW|true",
        "can I talk to a real human please|true",
        "I want to speak with your manager|true",
        "get me a person|true",
        "i think someone hacked our account|false",
        "we want someone on our team to see the roadmap|false",
        "I need someone to have admin rights|false",
        "can the manager role edit billing?|false"})
    void aRequestForAPersonInSoManyWords(String text, boolean asks) {
        assertThat(Phrases.requestsAPerson(text)).isEqualTo(asks);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "list my tickets|true|ticket_status", "show my tickets|true|ticket_status",
        "can you show me our open tickets?|true|ticket_status", "what tickets do I have?|true|ticket_status",
        "my tickets?|true|ticket_status", "ok, and show me all my cases|true|ticket_status",
        "how do I show tickets to my team?|false|question", "open a ticket|false|create_ticket",
        "list my invoices|false|create_ticket"})
    void aRequestForTheCustomersTicketsListsThem(String text, boolean lists, String intent) {
        assertThat(TicketTools.asksForList(text)).isEqualTo(lists);
        assertThat(policy.effective(understood("create_ticket", mood(0, 0, "stable", "none")), text).intent())
                .as("whatever the classifier heard").isEqualTo(intent);
    }

    @Test
    void anExplicitRequestForANewTicketIsOneEvenWhenTheClassifierHeardAnUpdate() {
        Understanding update = understood("update_ticket", mood(0, 0, "stable", "none"));

        assertThat(policy.effective(update, "please open a ticket: task reminders stopped arriving on my android "
                + "phone", List.of("ticket_status")).intent()).isEqualTo("create_ticket");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "close my google calendar ticket|resolved", "can you cancel that ticket|resolved",
        "ok, reopen the export ticket please|open", "how do I close a ticket?|-",
        "where can I see a closed ticket?|-"})
    void aStatusCommandForATicketNamedByItsTopic(String text, String status) {
        assertThat(TicketTools.statusCommanded(text)).isEqualTo(status);
        assertThat(TicketTools.explicitUpdate(text)).isEqualTo(status != null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "how do I close a ticket?|true", "can I reopen a closed ticket?|true",
        "is there a way for me to close a ticket myself?|true", "how do you cancel a ticket?|true",
        "can I reopen my ticket?|false", "can you close the ticket|false", "how do I close TKT-12AB?|false"})
    void askingHowTicketsWorkIsAQuestion(String text, boolean question) {
        assertThat(TicketTools.asksHowTicketsWork(text)).isEqualTo(question);
        if (question) {
            assertThat(policy.effective(understood("update_ticket", mood(0, 0, "stable", "none")), text).intent())
                    .isEqualTo("question");
        }
    }

    @Test
    void newsTakenForATicketUpdateWithNoTicketInSightIsAQuestion() {
        Understanding update = understood("update_ticket", mood(0, 0, "stable", "none"));

        assertThat(policy.effective(update, "i updated the card already").intent()).isEqualTo("question");
        assertThat(policy.effective(update, "i updated the card already", List.of("create_ticket")).intent())
                .isEqualTo("update_ticket");
        assertThat(policy.effective(update, "please add to my ticket that it fails on Safari").intent())
                .isEqualTo("update_ticket");
        assertThat(policy.effective(update, "please reopen it, the problem is back").intent())
                .isEqualTo("update_ticket");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hi, back again. did anyone look at my payment issue?|true", "any update on my case?|true",
        "has someone gotten back to me yet|true", "what's happening with my refund request|true",
        "did anyone else have this problem?|false", "how do I check my usage?|false"})
    void askingWhetherAnyoneDealtWithTheirIssueShowsTheirTickets(String text, boolean progress) {
        assertThat(Phrases.asksForProgress(text)).isEqualTo(progress);
        assertThat(policy.effective(understood("billing_question", mood(0, 0, "stable", "none")), text).intent())
                .isEqualTo(progress ? "ticket_status" : "billing_question");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"no thanks, i'll check the docs|true", "nope, thank you!|true",
        "no thanks, but how do refunds work?|false", "no, what about annual plans|false"})
    void aPoliteNoIsANoWhateverReasonFollows(String text, boolean no) {
        assertThat(Phrases.no(text)).isEqualTo(no);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ok close it, we fixed it ourselves|true", "actually it broke again, reopen it pls|true",
        "close it again please, its fine now|true", "great, you can close this one|true",
        "how do I close it?|false", "close it account|false", "please close my workspace|false"})
    void closingOrReopeningItIsAboutTheTicketTheConversationIsAbout(String text, boolean changes) {
        Understanding feedback = understood("feedback", mood(0.3, 0, "stable", "none"));

        assertThat(policy.effective(feedback, text, List.of("question", "create_ticket")).intent())
                .isEqualTo(changes ? "update_ticket" : "feedback");
        assertThat(policy.effective(feedback, text, List.of("question")).intent())
                .as("with no ticket in the conversation, \"it\" may be anything").isEqualTo("feedback");
    }

    @Test
    void theQuestionsOfAMessageAreItsSentencesEndingInAQuestionMark() {
        assertThat(Phrases.questionsIn("We're on Team. Is prorating applied mid-cycle? Is SSO Enterprise-only? "
                + "and can I pay yearly?? ok?")).containsExactly("Is prorating applied mid-cycle?",
                        "Is SSO Enterprise-only?", "Can I pay yearly??");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "and for the Business plan?|true", "and jira?|true", "what about if we were on annual?|true",
        "ok, how about Teams|true", "and thanks!|false", "also, one more thing|false",
        "what is the refund policy for annual plans?|false",
        "and can you also tell me how the refunds for annual plans work in detail please?|false",
        "ok and can i get one if i'm on monthly?|true", "so, and what happens to the files in it?|true",
        "ok and can you tell me how refunds for the annual plans work?|false", "how long will it take?|true",
        "is that free?|true", "how much does it cost?|true", "what does that mean?|true", "can I cancel it?|false",
        "how long does a refund take?|false", "is it down?|false", "how long will it take|false",
        "what should I do?|true", "so what do we do now?|true", "what should I do about my invoice?|false"})
    void aShortFollowUpLeansOnTheMessageBefore(String text, boolean followUp) {
        assertThat(Phrases.followUp(text)).isEqualTo(followUp);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"it says timeout after 30 minutes|true", "that didn't work either|true",
        "the error says 403 forbidden|true", "still, it keeps crashing when I open the board|true",
        "it's stuck at 99%|true", "it would be great to have dark mode|false", "this is urgent|true",
        "how do I export my data?|false", "my export keeps failing with an error|false"})
    void moreAboutAProblemIsRead(String text, boolean elaborates) {
        assertThat(Phrases.elaborates(text)).as(text).isEqualTo(elaborates);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"we haven't changed anything on our side|true", "it says 403|true",
        "also the calendar sync is broken|false", "thanks, that helps|false", "how do I reset it?|false",
        "ok|false", "never mind, it works now|false"})
    void whatCanOnlyBeMoreAboutAProblemIsRead(String text, boolean adds) {
        assertThat(Phrases.addsToAProblem(text)).as(text).isEqualTo(adds);
    }

    @Test
    void aFollowUpIsLookedUpWithTheQuestionBeforeAndAsTheSameKindOfQuestion() {
        ConversationState asked = fresh.heard("does Pennant integrate with Slack?", "integration_question", 0.0, 1,
                Instant.now());
        Understanding greeting = understood("greeting", mood(0, 0, "stable", "none"));
        Turn turn = new Turn(asked, "and jira?", greeting, new SupportDesk.Caller("u1", "user"), "k1");

        assertThat(turn.question()).isEqualTo("does Pennant integrate with Slack? and jira?");
        assertThat(new Turn(asked, "is my data encrypted?", greeting, new SupportDesk.Caller("u1", "user"), "k2")
                .question()).isEqualTo("is my data encrypted?");
        assertThat(policy.effective(greeting, "and jira?", asked.recentIntents()).intent())
                .isEqualTo("integration_question");
        assertThat(policy.effective(greeting, "and jira?", List.of("create_ticket")).intent())
                .as("a ticket's turn is no question to follow up").isEqualTo("greeting");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\uD83D\uDC4D|true", "\uD83D\uDC4D\uD83C\uDFFD|true",
        "\uD83D\uDE4F \uD83D\uDE42!|true", "\u2764\uFE0F|true", "\uD83D\uDC4E|false", "\uD83D\uDC4D but it still fails|false",
        "ok|false", "???|false"})
    void approvingEmojiAloneThankOrAgree(String text, boolean approving) {
        assertThat(Phrases.onlyApprovingEmoji(text)).as(text).isEqualTo(approving);
    }

    @Test
    void aThumbsUpIsAYesAndAHeartIsNot() {
        assertThat(Phrases.yes("\uD83D\uDC4D")).isTrue();
        assertThat(Phrases.yes("\u2705")).isTrue();
        assertThat(Phrases.yes("\u2764\uFE0F")).isFalse();
        assertThat(Phrases.yes("\uD83D\uDC4E")).isFalse();
    }

    @Test
    void aTicketAskedForAfterAProblemToldOverSeveralMessagesIsReadBackWithAllOfThem() {
        Instant now = Instant.now();
        ConversationState told = ConversationState.start("c1", "u1", "user", now)
                .heard("how do I export my data?", "question", 0.0, 1, now)
                .heard("our webhook stopped firing yesterday", "technical_issue", -0.2, 2, now)
                .heard("we haven't changed anything on our side", "technical_issue", -0.2, 3, now);
        Turn turn = new Turn(told, "open a ticket", understood("create_ticket", mood(0, 0, "stable", "none")),
                new SupportDesk.Caller("u1", "user"), "k4");

        String readBack = new TicketTools(new InMemoryDesk(), java.time.Clock.systemUTC()).create(turn).block()
                .content();

        assertThat(readBack).contains("Subject: Our webhook stopped firing yesterday")
                .contains("Category: technical").doesNotContain("export");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"what's the difference between team and business?|true",
        "Team vs Business|true", "is business better than team for us?|true",
        "hi! we're a team of 25, which plan would you recommend?|true", "what plan should we choose?|true",
        "can you recommend a plan?|true", "what plan am I on?|false", "which plan are we on?|false",
        "how do I move from team to business?|false", "what's the difference between a guest and a member?|false",
        "which plan has the audit log?|false", "why? because it's too expensive|true",
        "is there a cheaper option?|true", "we can't afford Business anymore|true",
        "is Pennant more expensive than Asana?|false", "the export takes too much time|false"})
    void aQuestionComparingPlansOrAskingWhichToTakeIsRead(String text, boolean compares) {
        assertThat(Phrases.comparesPlans(text, Set.of("free", "team", "business", "enterprise"))).as(text)
                .isEqualTo(compares);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"I was charged after I cancelled|true",
        "why was I billed even though we had already downgraded?|true", "we keep getting charged|true",
        "you charged us twice|true", "what happens to my data after I cancel?|false",
        "will I be charged after the trial?|false"})
    void aChargeTheCustomerDisputesIsRead(String text, boolean disputed) {
        assertThat(Phrases.asksAboutACharge(text)).as(text).isEqualTo(disputed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"what's included in business|true", "team plan features?|true",
        "what do we get with enterprise?|true", "what's the storage limit on team?|false",
        "how much is business for 12 people?|false", "which features does the mobile app have?|false",
        "how much storage do we get on team?|false", "is SSO included in business?|false"})
    void aQuestionAboutWhatAPlanIncludesIsRead(String text, boolean asks) {
        assertThat(Phrases.asksWhatAPlanIncludes(text, Set.of("free", "team", "business", "enterprise"))).as(text)
                .isEqualTo(asks);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"help|true", "I need help!|true", "hi, can you help me?|true",
        "I have a quick question|true", "we have an issue|true", "hello, I need some assistance please|true",
        "I need help with my invoice|false", "help me reset my password|false", "can you help me export my data?|false",
        "I have a question about SSO|false"})
    void aCallForHelpThatSaysNothingElseIsRead(String text, boolean only) {
        assertThat(Phrases.onlyAsksForHelp(text)).as(text).isEqualTo(only);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"what happens next?|true", "ok, so what now?|true",
        "when will someone get back to me?|true", "how long until someone replies?|true", "thanks! what's next?|true",
        "what happens next if my payment fails?|false", "what happens when the trial ends?|false"})
    void aQuestionAboutWhatHappensNextIsRead(String text, boolean asks) {
        assertThat(TicketTools.asksWhatHappensNext(text)).as(text).isEqualTo(asks);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"can you make it high priority?|true", "please escalate it|true",
        "could you prioritise this ticket?|true", "mark it as urgent|true", "what is the priority of my ticket?|false",
        "how do I make a task high priority?|false"})
    void aRequestToHurryATicketIsRead(String text, boolean asks) {
        assertThat(TicketTools.asksForPriority(text)).as(text).isEqualTo(asks);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"what did we talk about last time?|true", "hi, what did I ask you before?|true",
        "can you remind me of our last conversation|true", "do you remember me?|true",
        "what did we discuss yesterday?|true", "what did the last invoice say?|false",
        "how do I see my previous invoices?|false", "what did you change in the last release?|false"})
    void aQuestionAboutAnEarlierConversationIsRead(String text, boolean asks) {
        assertThat(Phrases.asksAboutAnEarlierConversation(text)).as(text).isEqualTo(asks);
    }

    @Test
    void anIntroductionTheClassifierTookForFeedbackIsAGreeting() {
        assertThat(policy.effective(understood("feedback", mood(0, 0, "stable", "none")),
                "hi, I'm Tom, we use Pennant for our marketing agency and mostly care about the Slack integration")
                .intent()).isEqualTo("greeting");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"are you a bot?|true", "am I talking to a real person?|true",
        "hey, is this AI?|true", "who made you?|true", "are you human|true",
        "are you able to change my plan?|false", "I want a real person|false", "what are you?|true",
        "WHAT ARE YOU GOING TO DO ABOUT IT|false",
        "are you a bot? I need to change the billing email on our workspace today|false"})
    void aQuestionAboutWhatTheCustomerTalksToIsRead(String text, boolean asks) {
        assertThat(Phrases.asksWhatTheAssistantIs(text)).as(text).isEqualTo(asks);
        if (asks) {
            assertThat(policy.effective(understood("talk_to_human", mood(0, 0, "stable", "none")), text).intent())
                    .as("asks for no one").isEqualTo("greeting");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"talk_to_human", "complaint", "question"})
    void aComplaintThatAsksForAPersonIsARequestForOne(String heard) {
        Understanding angry = new Understanding(heard, 0.9, false, List.of(), mood(-0.8, 0.7, "worsening", "suggest"),
                false);

        assertThat(policy.effective(angry, "this is useless, let me talk to a human").intent())
                .isEqualTo("talk_to_human");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"how do I change my email address?|question",
        "where can I find my invoices?|question", "what plan am I on?|account_info",
        "how do I see how many seats we use?|question", "when does my subscription renew?|account_info"})
    void anAccountQuestionAskingHowIsForTheHelpCenter(String text, String intent) {
        assertThat(policy.effective(understood("account_info", mood(0, 0, "stable", "none")), text).intent())
                .as(text).isEqualTo(intent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"how can I contact support?|question",
        "how do I reach your support team by phone?|question",
        "please open a ticket: the export fails|create_ticket", "my export fails, open a ticket|create_ticket"})
    void aTicketRequestThatAsksHowIsForTheHelpCenter(String text, String intent) {
        assertThat(policy.effective(understood("create_ticket", mood(0, 0, "stable", "none")), text).intent())
                .as(text).isEqualTo(intent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"close the first one|0", "what's the status of the 2nd ticket?|1",
        "the last one|-1", "and number 3?|2", "what about #2|1", "the second.|1", "reopen the third case|2",
        "this is the first time I use it|-2", "how do I close a ticket?|-2", "my last invoice|-2"})
    void aPlaceInAListIsRead(String text, int place) {
        assertThat(TicketTools.placeIn(text)).as(text).isEqualTo(place);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i think someone hacked our account|true", "an ex-employee still has access to our projects|true",
        "my laptop was stolen last night and it's still logged in to pennant|true",
        "we got phished, someone logged in as our admin|true",
        "there are logins from russia we don't recognize|true", "someone logged into our account from Russia|true",
        "I think someone else has signed in to my account, what should I do?|false",
        "how do I turn on two-factor authentication?|false", "how do I remove a former employee?|false"})
    void aSecurityIncidentIsForAPerson(String text, boolean incident) {
        assertThat(Phrases.reportsSecurityIncident(text)).isEqualTo(incident);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my whole team can't log in, urgent|true", "nobody in our company can access pennant|true",
        "everyone is locked out since this morning|true", "none of our users are able to sign in|true",
        "pennant is down for everyone|true", "the entire office cannot connect|true",
        "my data is gone|true", "all our projects disappeared|true", "all of my tasks are missing!|true",
        "everything in the workspace was wiped overnight|true", "our files have been lost|true",
        "I can't log in|false", "I deleted a project by accident|false", "I lost my phone|false",
        "can everyone in the team see my tasks?|false", "what happens to my data if I cancel, is it gone?|false",
        "everyone on my team can't see the new feature|false", "what if my whole team can't log in?|false",
        "how do I invite my whole team?|false", "a file is missing from the task|false",
        "all the buttons are missing|false", "is my data deleted after I cancel?|false",
        "I think all my tasks are missing from the calendar feed|false",
        "all our projects disappeared from the mobile app|false", "all our projects disappeared overnight|true",
        "our whole team can't access the audit log|false", "nobody on the team can connect slack|false",
        "everyone can't access our workspace since this morning|true", "none of us can connect since today|true",
        "the whole company cannot access|true"})
    void anIncidentIsForAPerson(String text, boolean incident) {
        assertThat(Phrases.reportsAnIncident(text)).as(text).isEqualTo(incident);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"you keep giving me the same useless answer|true", "this is useless|true",
        "is the free plan useless for a team of 6?|false", "I already told you|true"})
    void complaintsAboutTheHelpItself(String text, boolean complaint) {
        assertThat(Phrases.complainsOfTheHelp(text)).isEqualTo(complaint);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"never mind|true", "nevermind, I found it|true", "ok never mind!|true",
        "cancel that, I don't need a human anymore|true", "i dont need a person now|true",
        "no need for an agent, thanks|true", "please take me out of the queue|true", "I figured it out|true",
        "we've sorted it out, thanks|true", "it's working now|true", "problem solved|true",
        "never mind the wait, I still need someone|false", "cancel it now!!|false", "forget it|false",
        "I need a person|false", "it's still not working|false", "how do I cancel my subscription?|false",
        "hello? anyone there?|false", "never mind, I'll wait|false", "never mind, it's still broken|false",
        "never mind, my invoice is still wrong|false",
        "I don't need anyone to cancel my subscription, I need someone to fix my billing|false",
        "no thanks, I don't need help anymore|true"})
    void leavingTheQueueForAPerson(String text, boolean withdraws) {
        assertThat(Phrases.withdrawsFromQueue(text)).isEqualTo(withdraws);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"authentcation|false", "two factor authentcation|false",
        "can I speak with your manager|true", "a real human please|true", "get me someone from support|true",
        "i want a person|true"})
    void aWishForAPersonShowsInTheWords(String text, boolean person) {
        assertThat(Phrases.speaksOfAPerson(text)).isEqualTo(person);
    }

    @Test
    void aPersonPleaseIsARequestForOne() {
        assertThat(Phrases.requestsAPerson("person please, my billing is wrong")).isTrue();
        assertThat(Phrases.requestsAPerson("human pls")).isTrue();
        assertThat(Phrases.requestsAPerson("person management settings")).isFalse();
    }

    @Test
    void aWishForAPersonTheWordsNeverShowIsLookedUpAsAQuestion() {
        Understanding heard = understood("talk_to_human", mood(0, 0, "stable", "none"));

        assertThat(policy.effective(heard, "two factor authentcation", List.of()).intent()).isEqualTo("question");
        assertThat(policy.effective(heard, "can I talk to someone?", List.of()).intent()).isEqualTo("talk_to_human");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"thanks! how do I add a member?|how do I add a member?",
        "ok great, and for annual plans?|and for annual plans?", "Hi there, where are my invoices?|where are my invoices?",
        "thank you so much|thank you so much", "great question about seats|great question about seats",
        "okay thanks|okay thanks"})
    void courtesiesBeforeAQuestionAreNotSearchedFor(String text, String searched) {
        assertThat(Phrases.withoutCourtesies(text)).isEqualTo(searched);
    }

    @Test
    void yesImSureIsAYes() {
        assertThat(Phrases.yes("yes im sure, do it")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"yes im sure, do it|true", "go ahead and delete it|true",
        "ok, please proceed|true", "yes|false", "do it yourself? how?|false", "yes, I'm sure|true",
        "yes delete everything|true", "ok remove my account|true", "yes, close it all|true",
        "delete everything in the trash|false", "close all the notifications|false"})
    void goingAheadIsTold(String text, boolean ahead) {
        assertThat(Phrases.tellsToGoAhead(text)).as(text).isEqualTo(ahead);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"...|true", "😡😡😡|true", "asdfghjkl|true", "??|true", "thanks|false", "ok|false", "2FA|false", "hello there|false"})
    void messagesWithNothingToRead(String text, boolean unreadable) {
        assertThat(Phrases.unreadable(text)).isEqualTo(unreadable);
    }

    @Test
    void aComplaintOnADecliningConversationIsOfferedAPersonAndACalmOneIsAnswered() {
        assertThat(policy.route(fresh, understood("complaint", mood(-0.1, 0.2, "declining", "none")), "text"))
                .isEqualTo(Route.COMPLAINT);
        assertThat(policy.route(fresh, understood("complaint", mood(0.0, 0.1, "stable", "none")), "text"))
                .isEqualTo(Route.KNOWLEDGE);
    }

    @Test
    void aPendingQuestionComesBeforeTheIntentButNotBeforeAHandoff() {
        ConversationState waiting = fresh.withPending(Pending.of(Pending.TICKET_DESCRIBE));

        assertThat(policy.route(waiting, understood("out_of_scope", mood(0, 0, "stable", "none")), "text"))
                .isEqualTo(Route.CONTINUE);
        assertThat(policy.route(waiting, understood("talk_to_human", mood(0, 0, "stable", "none")), "text"))
                .isEqualTo(Route.HANDOFF);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "greeting|DIRECT", "feedback|DIRECT", "goodbye|DIRECT", "create_ticket|CREATE_TICKET",
        "ticket_status|TICKET_STATUS", "update_ticket|UPDATE_TICKET", "account_info|ACCOUNT",
        "billing_question|KNOWLEDGE", "reset_password|KNOWLEDGE", "out_of_scope|OUT_OF_SCOPE"})
    void intentsMapToRoutes(String intent, Route route) {
        assertThat(policy.byIntent(understood(intent, mood(0, 0, "stable", "none")), "text")).isEqualTo(route);
    }

    @Test
    void anExplicitTicketCommandWinsOverTheClassifier() {
        Understanding technical = understood("technical_issue", mood(0, 0, "stable", "none"));

        assertThat(policy.effective(technical, "please open a ticket: our webhooks stopped arriving").intent())
                .isEqualTo("create_ticket");
        assertThat(policy.effective(technical, "our webhooks stopped arriving, is there a ticket for that?").intent())
                .isEqualTo("technical_issue");
        assertThat(policy.effective(technical, "I want to update my ticket with more details: it returns 200")
                .intent()).isEqualTo("update_ticket");
        assertThat(policy.effective(understood("out_of_scope", mood(0, 0, "stable", "none")),
                "please add to ticket TKT-9 that the PDF export fails").intent()).isEqualTo("update_ticket");
    }

    private static Understanding classifiedAs(List<dev.supportsuite.agent.intent.domain.IntentScore> alternatives) {
        return classifiedAs("how do I export my data?", "out_of_scope", 0.4, true, alternatives);
    }

    private static Understanding classifiedAs(String text, String intent, double confidence, boolean outOfScope,
            List<dev.supportsuite.agent.intent.domain.IntentScore> alternatives) {
        List<String> classified = new java.util.ArrayList<>();
        Understander understander = new Understander(request -> {
            classified.add(request);
            return reactor.core.publisher.Mono.just(new dev.supportsuite.agent.intent.domain.Classification(intent,
                    confidence, outOfScope, alternatives, List.of(), 1));
        }, request -> List.of(), (request, history) -> reactor.core.publisher.Mono.just(Mood.unmeasured()),
                java.time.Duration.ofSeconds(1));
        Understanding understood = understander.understand(text, List.of()).block();
        assertThat(classified).containsExactly(Understander.request(text));
        return understood;
    }

    @Test
    void aMessageSplitBetweenQuestionIntentsIsAQuestionNotOutOfScope() {
        Understanding split = classifiedAs(List.of(new dev.supportsuite.agent.intent.domain.IntentScore("request", 0.49),
                new dev.supportsuite.agent.intent.domain.IntentScore("question", 0.46)));

        assertThat(split.outOfScope()).isFalse();
        assertThat(split.intent()).isEqualTo("request");
        assertThat(policy.byIntent(split, "how do I export my data?")).isEqualTo(Route.KNOWLEDGE);
    }

    @Test
    void aQuestionTheClassifierRejectsUnsurelyIsWorthALookInTheKnowledgeBase() {
        List<dev.supportsuite.agent.intent.domain.IntentScore> spread = List.of(
                new dev.supportsuite.agent.intent.domain.IntentScore("greeting", 0.17),
                new dev.supportsuite.agent.intent.domain.IntentScore("question", 0.16),
                new dev.supportsuite.agent.intent.domain.IntentScore("account_info", 0.14));
        String unsureText = "how fast do you answer support requests?";
        String sureText = "What is the capital of Australia?";

        Understanding unsure = classifiedAs(unsureText, "out_of_scope", 0.29, true, spread);
        Understanding sure = classifiedAs(sureText, "out_of_scope", 0.98, true, spread);
        Understanding noQuestion = classifiedAs("purple monkey dishwasher", "out_of_scope", 0.3, true, spread);

        assertThat(List.of(unsure, sure, noQuestion)).allSatisfy(u -> assertThat(u.outOfScope()).isTrue());
        assertThat(policy.byIntent(unsure, unsureText)).isEqualTo(Route.OUT_OF_SCOPE);
        assertThat(policy.worthAskingTheKnowledgeBase(unsure, unsureText)).isTrue();
        assertThat(policy.worthAskingTheKnowledgeBase(sure, sureText)).isFalse();
        assertThat(policy.worthAskingTheKnowledgeBase(noQuestion, "purple monkey dishwasher")).isFalse();
        String statement = "notifications arent arriving on my phone since the update";
        assertThat(policy.worthAskingTheKnowledgeBase(classifiedAs(statement, "out_of_scope", 0.38, true, spread),
                statement)).as("a statement of four words or more").isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "are you open on Christmas Eve?|question",
        "how are you doing today?|greeting",
        "is anyone there?|greeting",
        "hello|greeting",
        "good morning|greeting"})
    void aQuestionTakenForAGreetingIsAQuestionUnlessItIsSmallTalk(String text, String intent) {
        assertThat(classifiedAs(text, "greeting", 0.54, false, List.of()).intent()).isEqualTo(intent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hi, what are your opening hours?|what are your opening hours?",
        "Thanks! And how do I add a user?|how do I add a user?",
        "hello there, I need help with my invoice|I need help with my invoice",
        "ok thanks, can I pay by PayPal?|can I pay by PayPal?",
        "thanks, that solved it|thanks, that solved it",
        "hi there|hi there",
        "hello, anyone?|hello, anyone?"})
    void greetingsAndThanksInFrontOfAQuestionAreLeftOutOfTheClassification(String text, String classified) {
        assertThat(Understander.request(text)).isEqualTo(classified);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "when is my next invoice due?|account_info",
        "When does our subscription renew?|account_info",
        "how many seats do we have left on our plan?|account_info",
        "what's my plan?|account_info",
        "how much is my next bill?|account_info",
        "how do I download my invoice?|billing_question",
        "what happens to my data when I cancel my subscription?|billing_question",
        "when I upgrade my plan, am I charged the difference?|billing_question",
        "how much does the Business plan cost?|billing_question",
        "when will my refund arrive?|billing_question",
        "why was I charged $540 this month??|account_info",
        "what is this charge on my card?|account_info",
        "why is my invoice so high?|account_info",
        "why was the payment declined?|billing_question",
        "I want a refund for the $15 seat charge|account_info",
        "we were double charged this month, two charges of $180|account_info",
        "will i be charged 180 dollars on december 3?|account_info",
        "how much does the Team plan cost for 12 people?|billing_question",
        "is a refund possible on annual plans?|billing_question",
        "why are annual plans cheaper?|billing_question"})
    void aQuestionAboutAFactOfTheirOwnAccountIsAnsweredFromTheAccount(String text, String intent) {
        assertThat(policy.effective(understood("billing_question", mood(0, 0, "stable", "none")), text).intent())
                .isEqualTo(intent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "No puedo iniciar sesión en mi cuenta|es|true",
        "Как сменить пароль|ru|true",
        "de-activate user|es|false",
        "how do I reset my password|en|false",
        "how much extra per month?|it|false",
        "Je ne peux pas me connecter à mon compte|fr|true",
        "Wie kann ich mein Passwort ändern|de|true",
        "🙂|und|false"})
    void aMessageInAnotherLanguageIsToldByScriptOrByFourWords(String text, String language, boolean other) {
        Mood read = new Mood(0, "neutral", 0, "stable", 0, "none", List.of(), true, language);

        assertThat(policy.writtenInAnotherLanguage(read, text)).isEqualTo(other);
        assertThat(policy.writtenInAnotherLanguage(Mood.unmeasured(), text)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "what plan am I on?|account_info",
        "show me my account details|account_info",
        "how many seats do we use|account_info",
        "what does the Business plan include?|question",
        "what's included in the Enterprise plan?|question"})
    void anAccountQuestionThatDoesNotSpeakOfTheCustomerIsForTheHelpCenter(String text, String intent) {
        assertThat(policy.effective(understood("account_info", mood(0, 0, "stable", "none")), text).intent())
                .isEqualTo(intent);
    }

    @Test
    void aTicketRequestNamingATicketUpdatesIt() {
        Understanding withId = new Understanding("create_ticket", 0.6, false, List.of(new dev.supportsuite.agent.intent
                .domain.Entity("ticket_id", "TKT-1", "TKT-1", 0, 5)), mood(0, 0, "stable", "none"), false);

        assertThat(policy.effective(withId, "about TKT-1: it fails again").intent()).isEqualTo("update_ticket");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I want to open a ticket|",
        "open a ticket please|",
        "Can you create a support ticket for me?|",
        "Please open a ticket about the app crashing on export|The app crashing on export",
        "I'd like to file a ticket: invoices are missing since March|Invoices are missing since March",
        "My invoice shows the wrong VAT number|My invoice shows the wrong VAT number",
        "I was charged twice on my last invoice, please open a ticket|I was charged twice on my last invoice",
        "the export to CSV fails every night. Can you create a support ticket for this?|The export to CSV fails every night",
        "sync stopped working on my phone and please file a case|Sync stopped working on my phone",
        "our SSO login loops back to the start could you open a ticket for me|Our SSO login loops back to the start",
        "ok then open a ticket for me please, our designers need 50 MB files|Our designers need 50 MB files",
        "Alright, in that case please create a ticket: SSO fails for new users|SSO fails for new users"})
    void aTicketRequestKeepsOnlyWhatDescribesTheProblem(String text, String description) {
        assertThat(TicketTools.describedIn(text)).isEqualTo(description);
        assertThat(TicketTools.explicitRequest(text)).isEqualTo(description == null
                || !description.equals(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "How do I open a ticket?",
        "What happens after I open a ticket",
        "my ticket about the case was closed",
        "I want to know how long a refund takes"})
    void askingAboutTicketsIsNotARequestForOne(String text) {
        assertThat(TicketTools.explicitRequest(text)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "add a comment to it: it affects 12 people|It affects 12 people",
        "please add a note to ticket TKT-7QX2: the second invoice is wrong too|The second invoice is wrong too",
        "add to my ticket that the export fails again since Monday|The export fails again since Monday",
        "update ticket TKT-9: customer called back|Customer called back",
        "actually it also happens with JSON exports, add that to the ticket|Actually it also happens with JSON exports",
        "the second invoice is wrong too. Please add this to my ticket.|The second invoice is wrong too",
        "it still crashes on start, even after the update|it still crashes on start, even after the update"})
    void aTicketUpdateKeepsTheWordsAfterTheCommand(String text, String comment) {
        assertThat(TicketTools.commentIn(text)).isEqualTo(comment);
        assertThat(TicketTools.explicitUpdate(text)).isEqualTo(!comment.equals(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "hi, my name is Carla and I run a design studio|Carla",
        "Hello! I'm Tomasz from Berg Metalworks|Tomasz",
        "you can call me Ana|Ana",
        "my name's O'Neil|O'Neil",
        "I'm having trouble with my invoice|-",
        "hi, I'm locked out of my account|-",
        "what is the name of the Business plan?|-"})
    void aCustomerIntroducingThemselvesGivesTheirName(String text, String name) {
        assertThat(Phrases.givenName(text)).isEqualTo(java.util.Optional.ofNullable(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "what is Pennant?|true",
        "Hi! What's pennant|true",
        "what does Pennant do exactly?|true",
        "tell me about your product|true",
        "what is this app?|true",
        "what is Pennant's refund policy?|false",
        "what is Pennant written in?|false",
        "what is a guest?|false"})
    void aQuestionWhatTheProductIsIsHeard(String text, boolean asks) {
        assertThat(Phrases.asksWhatTheProductIs(text, Phrases.questionWhatTheProductIs("Pennant"))).isEqualTo(asks);
    }

    @Test
    void aFollowUpGetsTheSentencesOfTheEntryThatSpeakOfIt() {
        String refunds = "Monthly plans can be cancelled at any time and are not refunded for the current month. "
                + "Annual plans are refunded in full within 14 days of purchase. After that, annual plans get a "
                + "prorated credit. Refunds reach your card in 5-10 days.";
        Set<String> product = Set.of("pennant");

        assertThat(Phrases.sentencesAbout(refunds, "and for annual plans?", product)).contains("Annual plans are "
                + "refunded in full within 14 days of purchase. After that, annual plans get a prorated credit.");
        assertThat(Phrases.sentencesAbout(refunds, "what about monthly?", product))
                .contains("Monthly plans can be cancelled at any time and are not refunded for the current month.");
        assertThat(Phrases.sentencesAbout("Team allows 100 requests a minute. Business and Enterprise allow 1,000. "
                + "Bulk endpoints take 100 items.", "and on Enterprise?", product))
                .contains("Business and Enterprise allow 1,000.");
        assertThat(Phrases.sentencesAbout(refunds, "and with Pennant?", product))
                .as("the product's own name picks out nothing").isEmpty();
        assertThat(Phrases.sentencesAbout(refunds, "and for students?", product)).as("nothing about it").isEmpty();
        assertThat(Phrases.sentencesAbout("Annual plans are refunded. Annual credits expire.", "and annual?", product))
                .as("every sentence: the whole entry is the answer").isEmpty();
    }

    @Test
    void theThingAQuestionAsksTheProductHasIsLookedForInThePassage() {
        String devices = "Which browsers and devices does Pennant support? Is there a mobile app? There are free "
                + "mobile apps: the iPhone and iPad app from the App Store, and the Android app. Desktop apps are "
                + "available for Windows and macOS.";
        Set<String> product = Set.of("pennant", "team", "business");

        assertThat(Phrases.askedThingMissingFrom("does pennant support dark mode?", devices, product))
                .contains("dark mode");
        assertThat(Phrases.askedThingMissingFrom("Hi! is there an apple watch app?", devices, product))
                .contains("apple watch app");
        assertThat(Phrases.askedThingMissingFrom("does Pennant have time tracking", devices, product))
                .contains("time tracking");
        assertThat(Phrases.askedThingMissingFrom("Does Pennant offer an on-premises version I can host myself?",
                devices, product)).as("the clause after the thing is not part of it").contains("on-premises version");
        assertThat(Phrases.askedThingMissingFrom("Is there a Pennant certification course for consultants?", devices,
                product)).as("the product's name goes without saying").contains("certification course");
        assertThat(Phrases.askedThingMissingFrom("is there an android app?", devices, product)).isEmpty();
        assertThat(Phrases.askedThingMissingFrom("do you have a desktop app for Windows?", devices, product))
                .as("the words after 'for' are names, the names check's to find").isEmpty();
        assertThat(Phrases.askedThingMissingFrom("do you guys have mobile apps?", devices, product))
                .as("a plural finds its singular").isEmpty();
        assertThat(Phrases.askedThingMissingFrom("does the iPad app support Pennant Business?", devices, product))
                .as("the product's own words need no mention").isEmpty();
        assertThat(Phrases.askedThingMissingFrom("do I have to install anything?", devices, product))
                .as("'have to' asks what must be done, not what the product has").isEmpty();
        assertThat(Phrases.askedThingMissingFrom("does the export take long?", devices, product)).isEmpty();
        assertThat(Phrases.askedThingMissingFrom("can I use dark mode?", devices, product))
                .as("only questions whether the product has something are checked").isEmpty();
        assertThat(Phrases.askedThingMissingFrom("does Pennant work with Salesforce?", devices, product))
                .as("a name left out is the names check's to say").isEmpty();
    }

    @Test
    void namesAQuestionAsksAboutAreLookedForInThePassage() {
        String github = "Does Pennant integrate with GitHub? The GitHub integration links pull requests to tasks.";

        assertThat(Phrases.namesMissingFrom("does Pennant integrate with Salesforce?", github, Set.of()))
                .containsExactly("Salesforce");
        assertThat(Phrases.namesMissingFrom("Does Pennant work with GitHub?", github, Set.of())).isEmpty();
        assertThat(Phrases.namesMissingFrom("how do I link a pull request?", github, Set.of())).isEmpty();
        assertThat(Phrases.namesMissingFrom("Hi, can I use Pennant as a CRM?", github, Set.of()))
                .containsExactly("CRM");
        assertThat(Phrases.namesMissingFrom("Hello! Quick one: does it work with GitHub?", github, Set.of()))
                .isEmpty();
        assertThat(Phrases.namesMissingFrom("how do I upgrade to Business?", "Choose Change plan.",
                Set.of("team", "business"))).as("a plan's name is the product's own word").isEmpty();
    }

    @Test
    void acronymsSpelledOutShoutingMonthsAndLongStoriesNameNothingMissing() {
        String sso = "Does Pennant support single sign-on with SAML? Enterprise workspaces can use Okta.";
        String dpa = "Is Pennant GDPR compliant, and do you sign a data processing agreement?";

        assertThat(Phrases.namesMissingFrom("we need SAML SSO with Okta, is that in our plan?", sso, Set.of()))
                .isEmpty();
        assertThat(Phrases.namesMissingFrom("are you gdpr compliant? do you sign a DPA", dpa, Set.of())).isEmpty();
        assertThat(Phrases.namesMissingFrom("REFUND IT NOW", dpa, Set.of())).isEmpty();
        assertThat(Phrases.namesMissingFrom("i need someone from security on this NOW", dpa, Set.of())).isEmpty();
        assertThat(Phrases.namesMissingFrom("why was I charged twice in October and November?", dpa, Set.of()))
                .isEmpty();
        assertThat(Phrases.namesMissingFrom("Hi, this is Avery from Lindqvist Tea House. Our invoice for October "
                + "shows API overage although we barely used the API, can you explain what happened there?", dpa,
                Set.of())).as("a story's names are its own, not what it asks about").isEmpty();
        assertThat(Phrases.namesMissingFrom("does it work with Jira and Jira Cloud?", dpa, Set.of()))
                .containsExactly("Jira", "Cloud");
        assertThat(Phrases.namesMissingFrom("Hi, I'm Bashir. How do I reset my password?", "Reset it from the sign-in "
                + "page.", Set.of())).as("only what is asked").isEmpty();
        assertThat(Phrases.namesMissingFrom("is Pennant SOC2 audited?", "Pennant is SOC 2 Type II audited.",
                Set.of())).isEmpty();
        assertThat(Phrases.namesMissingFrom("is my data stored in Europe?", "Choose the European data region.",
                Set.of())).isEmpty();
    }

    @Test
    void theProductsOwnNameIsNotANameThePassageMustMention() {
        String export = "Export a project as CSV from Settings, then Export.";
        Set<String> acme = new ProductProperties("Acme Desk", "a help desk product").nameWords();

        assertThat(acme).containsExactlyInAnyOrder("acme", "desk");
        assertThat(Phrases.namesMissingFrom("Can Acme Desk export to CSV?", export, acme)).isEmpty();
        assertThat(Phrases.namesMissingFrom("Can Pennant export to CSV?", export, acme))
                .as("another product's name is a name like any other").containsExactly("Pennant");
    }

    @Test
    void anIntroductionIsAGreetingNotOutOfScopeButAQuestionWithItIsStillAQuestion() {
        Understanding outOfScope = new Understanding("out_of_scope", 0.3, true, List.of(),
                mood(0, 0, "stable", "none"), false);
        Understanding question = understood("question", mood(0, 0, "stable", "none"));

        assertThat(policy.effective(outOfScope, "hi, my name is Carla and I run a design studio").intent())
                .isEqualTo("greeting");
        assertThat(policy.effective(question, "my name is Carla, how do I invite my team?").intent())
                .isEqualTo("question");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "why was i charged $184.80 in october|INV-2",
        "what is the 1,250 USD charge on my invoice?|INV-3",
        "why was my bill so high in september?|INV-1",
        "the one from oct, what was that for|INV-2",
        "why was I charged 99 dollars|-",
        "may I ask why my invoice went up?|-"})
    void theInvoiceAChargeQuestionIsAbout(String text, String number) {
        List<SupportDesk.Invoice> invoices = List.of(
                new SupportDesk.Invoice("INV-3", Instant.parse("2026-11-01T00:00:00Z"), "open", 125000, "1250.00 USD",
                        List.of()),
                new SupportDesk.Invoice("INV-2", Instant.parse("2026-10-01T00:00:00Z"), "paid", 18480, "184.80 USD",
                        List.of()),
                new SupportDesk.Invoice("INV-1", Instant.parse("2026-09-01T00:00:00Z"), "paid", 18000, "180.00 USD",
                        List.of()),
                new SupportDesk.Invoice("INV-0", Instant.parse("2026-05-01T00:00:00Z"), "paid", 18000, "180.00 USD",
                        List.of()));

        assertThat(AccountLookup.askedAbout(text, invoices).map(SupportDesk.Invoice::number))
                .isEqualTo(java.util.Optional.ofNullable(number));
    }

    @Test
    void aTrialIsCalledOneWithTheDayItEnds() {
        Instant end = Instant.parse("2026-12-03T10:00:00Z");
        String trial = AccountLookup.describe(new SupportDesk.Account("Farah Haddad", "Team", "30.00 USD", "trialing",
                end, false, List.of(), null));
        String active = AccountLookup.describe(new SupportDesk.Account("Farah Haddad", "Team", "30.00 USD", "active",
                end, false, List.of(), null));

        String overdue = AccountLookup.describe(new SupportDesk.Account("Farah Haddad", "Team", "30.00 USD", "past_due",
                end, false, List.of(), null));

        assertThat(trial).contains("- Subscription: free trial, ends on 3 December 2026");
        assertThat(overdue).as("not 'renews on' a day gone by").contains("- Subscription: past due, payment due since "
                + "3 December 2026");
        assertThat(active).contains("- Subscription: active, renews on 3 December 2026");
    }

    @Test
    void subjectsAreTheFirstSentenceCutAtAWord() {
        assertThat(TicketTools.subjectOf("Export fails. It started yesterday.")).isEqualTo("Export fails");
        String long_ = "the nightly export of our workspace data to the S3 bucket fails with a timeout after forty minutes";
        assertThat(TicketTools.subjectOf(long_)).endsWith("…").hasSizeLessThanOrEqualTo(80).startsWith("The nightly");
    }

    @Test
    void aSubjectDoesNotOpenWithAGreeting() {
        assertThat(TicketTools.subjectOf("hi I was charged twice this month")).isEqualTo("I was charged twice this month");
        assertThat(TicketTools.subjectOf("Hello there, the export fails")).isEqualTo("The export fails");
        assertThat(TicketTools.subjectOf("hey there")).isEqualTo("Hey there");
        assertThat(TicketTools.subjectOf("high CPU usage on the desktop app")).startsWith("High CPU");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "question|I was charged twice this month|billing",
        "question|The app crashes when I log in|technical",
        "question|We need more seats on our plan|account",
        "question|Something else entirely|general",
        "create_ticket|the calendar export times out for our workspace|technical",
        "create_ticket|slack notifications stopped arriving|technical",
        "create_ticket|my uploaded files disappeared from the project|technical",
        "refund_request|please look at this|billing"})
    void categoriesComeFromTheIntentThenTheWords(String intent, String description, String category) {
        assertThat(TicketTools.categoryOf(intent, description)).isEqualTo(category);
    }

    @Test
    void priorityRisesWithUrgencyAndFrustration() {
        assertThat(TicketTools.priorityOf("question about invoices", mood(0, 0.1, "stable", "none")))
                .isEqualTo("medium");
        assertThat(TicketTools.priorityOf("production is down", mood(0, 0.1, "stable", "none"))).isEqualTo("high");
        assertThat(TicketTools.priorityOf("production is down", mood(-0.5, 0.5, "stable", "none")))
                .isEqualTo("urgent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "Yes!", "ok", "sure, go ahead", "yep please", "Go ahead.", "sí, por favor", "Oui",
        "ja", "yes, do it", "ok, that's fine", "yes, go ahead and open it", "yep, looks good", "yes, open a ticket"})
    void shortAgreementsAreYes(String text) {
        assertThat(Phrases.yes(text)).isTrue();
        assertThat(Phrases.no(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok thanks. also, is my data encrypted?", "no, but what about annual plans?",
        "yes, and how long does it take", "ok, can I also change my plan?", "please close my ticket, it works now",
        "no, the export still fails"})
    void aYesOrNoFollowedByANewQuestionIsTheQuestion(String text) {
        assertThat(Phrases.yes(text)).isFalse();
        assertThat(Phrases.no(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a person please", "someone now", "una persona, por favor", "Mensch", "une personne"})
    void asksForAPersonInTheWordsTheNoticesUse(String text) {
        assertThat(Phrases.asksForPerson(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "No thanks", "nope", "cancel", "never mind", "not now"})
    void shortRefusalsAreNo(String text) {
        assertThat(Phrases.no(text)).isTrue();
        assertThat(Phrases.yes(text)).isFalse();
    }

    @Test
    void aLongSentenceStartingWithYesIsNotAConfirmation() {
        assertThat(Phrases.yes("yes but first tell me how refunds work for annual plans and whether VAT is included"))
                .isFalse();
    }

    @Test
    void ratingsAreOneToFive() {
        assertThat(Phrases.rating("5")).hasValue(5);
        assertThat(Phrases.rating("I'd say 4/5")).hasValue(4);
        assertThat(Phrases.rating("3 out of 5")).hasValue(3);
        assertThat(Phrases.rating("10")).isEmpty();
        assertThat(Phrases.rating("great")).isEmpty();
    }
}
