package io.waymark.scenarios.engine.control;

import io.waymark.goals.boundary.AssignGoalAction;
import io.waymark.goals.boundary.OnboardingGoals;
import io.waymark.goals.boundary.UserGoals;
import io.waymark.platform.actions.ActionRequest;
import io.waymark.platform.actions.ActionResult;
import io.waymark.platform.db.Jdbc;
import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code goal} {codes, recheckPeriodMinutes, timeoutMinutes?}: on entry the user gets the goals (an
 * active row is reused, a finished one gets a new row); positive once every goal has a row
 * completed at or after the entry; negative at the timeout, which also times out the goals still
 * open. Runs under the job's lock (job before goal rows); a completion wakes the job through a
 * wake-up row instead of touching it.
 */
@Dependent
public class GoalElement implements ElementType {

  @Inject UserGoals userGoals;

  @Inject AssignGoalAction assign;

  @Inject OnboardingGoals goals;

  @Inject Jdbc jdbc;

  @Override
  public String key() {
    return "goal";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String label() {
    return "Goal";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.required("codes", "goal_codes", "the goals, all of which must be completed"),
        Param.required("recheckPeriodMinutes", "minutes", "how often the goals are re-checked"),
        Param.optional(
            "timeoutMinutes",
            "minutes",
            "when the negative branch is taken (and the goals time out)"));
  }

  @Override
  public boolean negativeBranch() {
    return true;
  }

  @Override
  public boolean recheckableEarly() {
    return true;
  }

  @Override
  public void check(ElementCheck check) {
    JsonValue codes = check.options().get("codes");
    if (codes == null || codes == JsonValue.NULL) {
      check.problem("option 'codes' is required");
    } else if (codes.getValueType() != JsonValue.ValueType.ARRAY
        || codes.asJsonArray().isEmpty()
        || codes.asJsonArray().stream().anyMatch(v -> !(v instanceof JsonString))) {
      check.problem("option 'codes' must be a non-empty array of goal codes");
    } else {
      for (JsonValue v : codes.asJsonArray()) {
        String code = ((JsonString) v).getString();
        if (!check.references().goalExists(code)) {
          check.problem("unknown goal code '" + code + "'");
        }
      }
    }
    check.minutes("recheckPeriodMinutes", true);
    check.minutes("timeoutMinutes", false);
  }

  record GoalState(boolean completedSinceEntry, boolean open) {}

  @Override
  public Outcome run(Visit visit) {
    List<String> codes = EngineCatalog.goalCodes(visit.element());
    if (codes.isEmpty()) {
      return new Outcome.Failed("the goal element has no goal codes");
    }
    for (String code : codes) {
      // lookup() never throws: an exception from another bean would mark the run rollback-only
      if (goals.lookup(code).isEmpty()) {
        return new Outcome.Failed("goal '" + code + "' does not exist");
      }
    }
    long userId = visit.job().userId();
    if (visit.firstRun()) {
      for (String code : codes) {
        var assigned =
            assign.perform(
                new ActionRequest(
                    userId,
                    JsonSupport.JSON.createObjectBuilder().add("goal_code", code).build(),
                    null,
                    null,
                    null));
        if (assigned instanceof ActionResult.Failed) {
          return Outcome.after(assigned);
        }
      }
    }
    Map<String, GoalState> states = states(userId, codes, visit.enteredAt());
    if (codes.stream().allMatch(c -> states.get(c).completedSinceEntry())) {
      return Outcome.POSITIVE;
    }
    JsonObject options = visit.element().options();
    Integer timeout = minutes(options, "timeoutMinutes");
    Instant timesOut = timeout == null ? null : visit.enteredAt().plus(Duration.ofMinutes(timeout));
    if (timesOut != null && !visit.now().isBefore(timesOut)) {
      for (String code : codes) {
        if (states.get(code).open()) {
          userGoals.timeout(code, userId);
        }
      }
      return Outcome.NEGATIVE;
    }
    Integer recheck = minutes(options, "recheckPeriodMinutes");
    Instant next = visit.now().plus(Duration.ofMinutes(recheck == null ? 5 : recheck));
    return new Outcome.Waiting(timesOut != null && timesOut.isBefore(next) ? timesOut : next);
  }

  private Map<String, GoalState> states(long userId, List<String> codes, Instant enteredAt) {
    List<Object> params = new ArrayList<>();
    params.add(enteredAt);
    params.add(userId);
    params.addAll(codes);
    Map<String, GoalState> states = new HashMap<>();
    codes.forEach(c -> states.put(c, new GoalState(false, false)));
    jdbc.list(
        "select g.code, coalesce(bool_or(u.completed_at >= ?), false), coalesce(bool_or(u.id is not null and u.completed_at is null"
            + " and u.timedout_at is null), false) from onboarding_goals g left join user_onboarding_goals u on u.onboarding_goal_id = g.id"
            + " and u.user_id = ? where g.code in ("
            + "?,".repeat(codes.size() - 1)
            + "?) group by g.code",
        rs -> states.put(rs.getString(1), new GoalState(rs.getBoolean(2), rs.getBoolean(3))),
        params.toArray());
    return states;
  }

  static Integer minutes(JsonObject options, String key) {
    return options.get(key) instanceof JsonNumber n && n.intValue() >= 1 ? n.intValue() : null;
  }
}
