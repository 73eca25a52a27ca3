package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import io.waymark.it.support.Mails;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batched runs (ADR 0024): jobs due together run in one transaction, and a goal element entered by
 * a batch assigns its goal to all the batch's users at once — a user who already has an active row
 * keeps it (touched, not duplicated), every other user gets one row — and re-checks all of them
 * with one read: a completion then sends exactly its user on.
 */
class ScenarioBatchIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aBatchEnteringAGoalElementAssignsEachUserOnceAndEachCompletionSendsItsUserOn() {
    ScenarioGraphs s = ScenarioGraphs.scenario();
    String start = Goals.createSimple("sc-batch-start");
    String goal = Goals.createSimple("sc-batch-goal");
    var hold = s.element("wait", "{\"minutes\":600}");
    var enter = s.element("goal", "{\"codes\":[\"" + goal + "\"],\"recheckPeriodMinutes\":600}");
    var after = s.element("wait", "{\"minutes\":600}");
    s.edge(hold, enter, "positive").edge(enter, after, "positive");
    s.trigger("goal_completed", start, hold);
    s.enable();
    List<Long> users = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      long user = Goals.user();
      users.add(user);
      if (i < 4) { // these already have an active row of the goal
        assertThat(Goals.assign(goal, user, null).status()).isEqualTo(200);
      }
      assertThat(Goals.complete(start, user).status()).isEqualTo(200);
    }
    List<Long> preassigned = users.subList(0, 4);
    List<Object> firstRows = new ArrayList<>();
    for (long user : preassigned) {
      firstRows.add(activeRow(goal, user));
    }
    ScenarioGraphs.waitIsOverAtOnce(hold, users);
    await()
        .atMost(WAIT)
        .until(
            () -> users.stream().allMatch(u -> "waiting".equals(ScenarioGraphs.state(enter, u))));

    // they ran in batches: the goal element's jobs of a batch were made in one transaction
    assertThat(
            Db.single(
                "select max(n) from (select count(*) as n from scenario_jobs where element_id = ?"
                    + " group by created_at) b",
                enter.id()))
        .as("jobs made by one batch (two dispatchers may split the claim)")
        .isInstanceOfSatisfying(Long.class, n -> assertThat(n).isGreaterThan(1L));
    for (long user : users) {
      assertThat(Goals.rows(goal, user)).as("user %s's rows", user).hasSize(1);
      assertThat(ScenarioGraphs.jobs(enter, user)).hasSize(1);
    }
    for (int i = 0; i < preassigned.size(); i++) {
      assertThat(activeRow(goal, preassigned.get(i))).isEqualTo(firstRows.get(i));
    }

    // completions of half of them: exactly those go on
    List<Long> done = users.subList(0, 6);
    done.forEach(u -> assertThat(Goals.complete(goal, u).status()).isEqualTo(200));
    await()
        .atMost(WAIT)
        .until(() -> done.stream().allMatch(u -> ScenarioGraphs.state(after, u) != null));
    for (long user : users) {
      assertThat(ScenarioGraphs.state(enter, user))
          .isEqualTo(done.contains(user) ? "finished" : "waiting");
      assertThat(ScenarioGraphs.jobs(after, user)).hasSize(done.contains(user) ? 1 : 0);
    }
  }

  @Test
  void aBatchOfEmailVisitsQueuesOneMailPerUserRenderedForThatUser() {
    String template = Mails.code("sc-batch");
    Mails.create(template, "Hello {{ user.email }}", "<p>{{ user.id }}</p>", "{{ user.id }}");
    ScenarioGraphs s = ScenarioGraphs.scenario();
    String start = Goals.createSimple("sc-batch-mail");
    var hold = s.element("wait", "{\"minutes\":600}");
    var email = s.element("email", "{\"template_code\":\"" + template + "\"}");
    s.edge(hold, email, "positive");
    s.trigger("goal_completed", start, hold);
    s.enable();
    List<Long> users = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      long user = Goals.user();
      users.add(user);
      assertThat(Goals.complete(start, user).status()).isEqualTo(200);
    }
    ScenarioGraphs.waitIsOverAtOnce(hold, users);
    await()
        .atMost(WAIT)
        .until(
            () -> users.stream().allMatch(u -> "finished".equals(ScenarioGraphs.state(email, u))));

    assertThat(
            Db.single(
                "select max(n) from (select count(*) as n from scenario_jobs where element_id = ?"
                    + " group by finished_at) b",
                email.id()))
        .as("mails queued by one batch")
        .isInstanceOfSatisfying(Long.class, n -> assertThat(n).isGreaterThan(1L));
    for (long user : users) {
      long job = ScenarioGraphs.jobId(email, user);
      List<List<Object>> mails =
          Db.query(
              "select (payload ->> 'user_id')::bigint, payload ->> 'subject', payload ->> 'text_body'"
                  + " from outbox_items where channel = 'mail' and unique_key = ?",
              "scenario-job:" + job);
      assertThat(mails).as("user %s's mail", user).hasSize(1);
      String address = (String) Db.single("select email from users where id = ?", user);
      assertThat(mails.get(0)).containsExactly(user, "Hello " + address, String.valueOf(user));
    }
  }

  private static Object activeRow(String goal, long user) {
    return Db.single(
        "select u.id from user_onboarding_goals u join onboarding_goals g on g.id = u.onboarding_goal_id"
            + " where g.code = ? and u.user_id = ? and u.completed_at is null and u.timedout_at is null",
        goal,
        user);
  }
}
