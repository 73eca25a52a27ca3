package io.waymark.it.scenarios;

import static io.waymark.it.scenarios.ScenarioDocs.create;
import static io.waymark.it.scenarios.ScenarioDocs.doc;
import static io.waymark.it.scenarios.ScenarioDocs.edge;
import static io.waymark.it.scenarios.ScenarioDocs.element;
import static io.waymark.it.scenarios.ScenarioDocs.trigger;
import static io.waymark.it.scenarios.ScenarioDocs.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import io.waymark.it.support.Mails;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journey end to end, built through the API: {@code user_registered → goal(g, re-check
 * 10 h, timeout 15 min) → email "done" / email "nudge"}, with the mails delivered to a real SMTP
 * server.
 */
class ScenarioJourneyIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static GreenMail smtp;
  private static long scenario;
  private static String goal;
  private static String goalElement;
  private static String done;
  private static String nudge;

  @BeforeAll
  static void journey() {
    smtp = Mails.startSmtp();
    goal = Goals.createSimple("journey");
    done = Mails.code("done");
    nudge = Mails.code("nudge");
    Mails.create(
        done,
        "Well done, {{ user.email }}",
        "<p>You completed {{ trigger.email | default('it') }}</p>",
        "Completed.");
    Mails.create(nudge, "Still there?", "<p>Finish onboarding</p>", "Finish onboarding.");
    String start = uuid();
    goalElement = uuid();
    String positive = uuid();
    String negative = uuid();
    Api.Reply created =
        create(
            doc(
                "Journey " + goal,
                "'enabled':1,",
                trigger(start, "user_registered", "{}", goalElement),
                element(
                        goalElement,
                        "goal",
                        "'codes':['" + goal + "'],'recheckPeriodMinutes':600,'timeoutMinutes':15",
                        edge(positive, "positive"),
                        edge(negative, "negative"))
                    + ","
                    + element(positive, "email", "'template_code':'" + done + "'")
                    + ","
                    + element(negative, "email", "'template_code':'" + nudge + "'")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    scenario = created.json().getJsonNumber("id").longValue();
    ScenarioGraphs.dispatch(); // this server picks the new trigger up now, not at its next pass
  }

  @AfterAll
  static void stop() {
    // an enabled user_registered scenario would start every user the later tests create
    Api.bootstrap().delete("/api/v1/scenarios/" + scenario);
    if (smtp != null) {
      smtp.stop();
    }
  }

  private static long registered(String prefix) {
    String email = Api.email(prefix);
    long user = Api.createUser(email, null).getJsonNumber("id").longValue();
    await().atMost(WAIT).until(() -> Goals.rows(goal, user).size() == 1);
    return user;
  }

  private static List<MimeMessage> mails(long user) {
    String email = (String) Db.single("select email from users where id = ?", user);
    return Mails.received(smtp, email);
  }

  @Test
  void completingTheGoalSendsTheDoneMailLongBeforeTheRecheck() throws Exception {
    long user = registered("journey-done");
    assertThat(Goals.rows(goal, user))
        .as("assigned on entry, open")
        .containsExactly(List.of(false, false));

    assertThat(Goals.complete(goal, user).status()).isEqualTo(200);

    await().atMost(WAIT).until(() -> mails(user).size() == 1);
    assertThat(mails(user).get(0).getSubject()).startsWith("Well done, ");
    assertThat(
            Db.single(
                "select count(*) from outbox_items where channel = 'mail' and (payload ->> 'user_id')::bigint = ? and payload ->> 'template_code' = ?",
                user,
                nudge))
        .isEqualTo(0L);
  }

  @Test
  void theTimeoutSendsTheNudgeAndTimesTheGoalOut() throws Exception {
    long user = registered("journey-nudge");

    // 20 minutes pass for this user's job in the goal element
    Db.update(
        "update scenario_jobs set entered_at = entered_at - interval '20 minutes', due_at = now()"
            + " where user_id = ? and element_id = (select id from scenario_elements where scenario_id = ? and uuid = cast(? as uuid))",
        user,
        scenario,
        goalElement);

    await().atMost(WAIT).until(() -> mails(user).size() == 1);
    assertThat(mails(user).get(0).getSubject()).isEqualTo("Still there?");
    assertThat(Goals.rows(goal, user))
        .as("the open goal timed out")
        .containsExactly(List.of(false, true));
  }
}
