package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The goal element end to end: a goal_completed trigger starts the user on a goal element (re-check
 * set to hours, so only the wake-up can finish it early), and the positive / negative branches are
 * wait elements whose jobs show which branch was taken.
 */
class ScenarioGoalsIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  /**
   * trigger (goal_completed of {@code start}) → goal element → positive / negative wait elements.
   */
  record Journey(
      ScenarioGraphs scenario,
      String start,
      ScenarioGraphs.Element goal,
      ScenarioGraphs.Element positive,
      ScenarioGraphs.Element negative) {}

  private static Journey journey(String codes, String timeout) {
    ScenarioGraphs s = ScenarioGraphs.scenario();
    String start = Goals.createSimple("sc-start");
    var goal =
        s.element(
            "goal",
            "{\"codes\":"
                + codes
                + ",\"recheckPeriodMinutes\":600"
                + (timeout == null ? "" : ",\"timeoutMinutes\":" + timeout)
                + "}");
    var positive = s.element("wait", "{\"minutes\":600}");
    var negative = s.element("wait", "{\"minutes\":600}");
    s.edge(goal, positive, "positive").edge(goal, negative, "negative");
    s.trigger("goal_completed", start, goal);
    s.enable();
    return new Journey(s, start, goal, positive, negative);
  }

  private static void enter(Journey j, long user) {
    assertThat(Goals.complete(j.start(), user).status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> "waiting".equals(ScenarioGraphs.state(j.goal(), user)));
  }

  @Test
  void aCompletionWakesTheWaitingJobLongBeforeItsRecheck() {
    String g = Goals.createSimple("sc-g");
    Journey j = journey("[\"" + g + "\"]", "60");
    long user = Goals.user();
    enter(j, user);
    assertThat(Goals.rows(g, user))
        .as("the goal was assigned on entry")
        .containsExactly(List.of(false, false));

    assertThat(Goals.complete(g, user).status()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> ScenarioGraphs.state(j.positive(), user) != null);
    assertThat(ScenarioGraphs.jobs(j.goal(), user))
        .singleElement()
        .satisfies(row -> assertThat(row.subList(1, 3)).containsExactly("finished", "positive"));
    assertThat(ScenarioGraphs.jobs(j.negative(), user)).isEmpty();
  }

  private static long wakeups(long job) {
    return ((Number) Db.single("select count(*) from scenario_wakeups where job_id = ?", job))
        .longValue();
  }

  @Test
  void aLostHandOffIsAppliedByTheDispatchPassOnceItsWakeUpIsOld() {
    String g = Goals.createSimple("sc-lost");
    Journey j = journey("[\"" + g + "\"]", null);
    long user = Goals.user();
    enter(j, user);
    long job = ScenarioGraphs.jobId(j.goal(), user);
    // the server died between the completion's commit and its hand-off: the goal row and the
    // wake-up are written, nothing ran
    Db.update(
        "update user_onboarding_goals set completed_at = now(), updated_at = now() where user_id = ?"
            + " and onboarding_goal_id = (select id from onboarding_goals where code = ?) and completed_at is null",
        user,
        g);
    Db.update("insert into scenario_wakeups (job_id, created_at) values (?, now())", job);

    ScenarioGraphs.dispatch();
    assertThat(wakeups(job)).as("a fresh wake-up is its hand-off's").isEqualTo(1);
    assertThat(ScenarioGraphs.state(j.goal(), user)).isEqualTo("waiting");

    // a minute passes
    Db.update(
        "update scenario_wakeups set created_at = created_at - interval '1 minute' where job_id = ?",
        job);
    ScenarioGraphs.dispatch();
    await().atMost(WAIT).until(() -> ScenarioGraphs.state(j.positive(), user) != null);
    assertThat(ScenarioGraphs.state(j.goal(), user)).isEqualTo("finished");
    assertThat(wakeups(job)).isZero();

    // a wake-up written while the job ran outlives it: the pass deletes it once old
    Db.update(
        "insert into scenario_wakeups (job_id, created_at) values (?, now() - interval '1 minute')",
        job);
    ScenarioGraphs.dispatch();
    assertThat(wakeups(job)).isZero();
    assertThat(ScenarioGraphs.jobs(j.goal(), user)).hasSize(1);
  }

  @Test
  void severalGoalsFinishOnlyWhenAllAreCompleted() {
    String g1 = Goals.createSimple("sc-g1");
    String g2 = Goals.createSimple("sc-g2");
    Journey j = journey("[\"" + g1 + "\",\"" + g2 + "\"]", null);
    long user = Goals.user();
    enter(j, user);
    long job = ScenarioGraphs.jobId(j.goal(), user);

    assertThat(Goals.complete(g1, user).status()).isEqualTo(200);
    // the wake-up is consumed (by the hand-off or a dispatch pass) and the job is still waiting
    await()
        .atMost(WAIT)
        .until(
            () -> {
              ScenarioGraphs.dispatch();
              return wakeups(job) == 0;
            });
    await()
        .during(Duration.ofSeconds(2))
        .atMost(WAIT)
        .until(() -> "waiting".equals(ScenarioGraphs.state(j.goal(), user)));
    assertThat(ScenarioGraphs.jobs(j.positive(), user)).isEmpty();

    assertThat(Goals.complete(g2, user).status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> ScenarioGraphs.state(j.positive(), user) != null);
    assertThat(ScenarioGraphs.state(j.goal(), user)).isEqualTo("finished");
  }

  @Test
  void theTimeoutTakesTheNegativeBranchAndTimesOutTheOpenGoal() {
    String g = Goals.createSimple("sc-t");
    Journey j = journey("[\"" + g + "\"]", "60");
    long user = Goals.user();
    enter(j, user);

    // two hours pass
    Db.update(
        "update scenario_jobs set entered_at = entered_at - interval '2 hours', due_at = now() where element_id = ? and user_id = ?",
        j.goal().id(),
        user);

    await().atMost(WAIT).until(() -> ScenarioGraphs.state(j.negative(), user) != null);
    assertThat(ScenarioGraphs.jobs(j.goal(), user))
        .singleElement()
        .satisfies(row -> assertThat(row.subList(1, 3)).containsExactly("finished", "negative"));
    assertThat(ScenarioGraphs.jobs(j.positive(), user)).isEmpty();
    assertThat(Goals.rows(g, user)).containsExactly(List.of(false, true));
  }

  @Test
  void anActiveGoalAtEntryIsReused() {
    String g = Goals.createSimple("sc-r");
    Journey j = journey("[\"" + g + "\"]", null);
    long user = Goals.user();
    assertThat(Goals.assign(g, user, null).status()).isEqualTo(200);

    enter(j, user);

    assertThat(Goals.rows(g, user)).containsExactly(List.of(false, false));
  }

  @Test
  void aGoalFinishedBeforeEntryGetsANewRowAndDoesNotCount() {
    String g = Goals.createSimple("sc-o");
    Journey j = journey("[\"" + g + "\"]", null);
    long user = Goals.user();
    assertThat(Goals.complete(g, user).status()).isEqualTo(200);
    Db.update(
        "update user_onboarding_goals set created_at = created_at - interval '1 day', completed_at = completed_at - interval '1 day'"
            + " where user_id = ?",
        user);

    enter(j, user);

    assertThat(Goals.rows(g, user)).containsExactly(List.of(true, false), List.of(false, false));
    ScenarioGraphs.dispatch();
    assertThat(ScenarioGraphs.state(j.goal(), user)).isEqualTo("waiting");
    assertThat(ScenarioGraphs.jobs(j.positive(), user)).isEmpty();
  }

  @Test
  void aDisabledScenarioPausesItsJobsAndResumesWhenEnabled() {
    String g = Goals.createSimple("sc-d");
    Journey j = journey("[\"" + g + "\"]", null);
    long user = Goals.user();
    enter(j, user);
    j.scenario().disable();
    assertThat(Goals.complete(g, user).status()).isEqualTo(200);

    ScenarioGraphs.dispatch();
    ScenarioGraphs.dispatch();
    assertThat(ScenarioGraphs.state(j.goal(), user)).isEqualTo("waiting");
    assertThat(ScenarioGraphs.jobs(j.positive(), user)).isEmpty();

    j.scenario().enable();
    await().atMost(WAIT).until(() -> ScenarioGraphs.state(j.positive(), user) != null);
  }

  @Test
  void deletingDropsTheJobsAndARestoredScenarioIgnoresOlderOnes() {
    String g = Goals.createSimple("sc-x");
    Journey j = journey("[\"" + g + "\"]", null);
    long user = Goals.user();
    enter(j, user);

    j.scenario().delete();
    await().atMost(WAIT).until(() -> "dropped".equals(ScenarioGraphs.state(j.goal(), user)));
    assertThat(Goals.complete(g, user).status()).isEqualTo(200);
    ScenarioGraphs.dispatch();
    assertThat(ScenarioGraphs.jobs(j.positive(), user)).isEmpty();

    // a job of the deleted life that was not dropped yet is ignored after the restore
    long other = Goals.user();
    long stale =
        ((Number)
                Db.single(
                    "insert into scenario_jobs (id, scenario_id, element_id, user_id, state, due_at, created_at, updated_at)"
                        + " values (nextval('scenario_jobs_seq'), ?, ?, ?, 'created', now(), now() - interval '1 minute', now()) returning id",
                    j.scenario().id(),
                    j.goal().id(),
                    other))
            .longValue();
    j.scenario().restore().enable();
    await()
        .atMost(WAIT)
        .until(
            () ->
                "dropped".equals(Db.single("select state from scenario_jobs where id = ?", stale)));

    // new jobs of the restored scenario run
    enter(j, user);
    assertThat(Goals.complete(g, user).status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> ScenarioGraphs.state(j.positive(), user) != null);
  }
}
