package io.waymark.scenarios.engine.control;

import io.waymark.goals.boundary.UserGoals;
import io.waymark.platform.db.Jdbc;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    return runAll(List.of(visit)).get(0);
  }

  /**
   * The batch's visits: the users whose goals it may change (entries, timeouts) locked at once in
   * id order, each goal assigned to all its entering users in one call, then the goal rows of all
   * the visits read in ONE statement.
   */
  @Override
  public List<Outcome> runAll(List<Visit> visits) {
    Outcome[] outcomes = new Outcome[visits.size()];
    List<Integer> checked = new ArrayList<>(visits.size());
    Set<String> known = known(visits);
    // every user this batch may change goals of (entries, timeouts), locked at once in id
    // order: per goal or per visit their order would be the batch's own, and two batches could
    // wait for each other
    List<Long> changing =
        visits.stream()
            .filter(v -> v.firstRun() || timedOut(v))
            .map(v -> v.job().userId())
            .distinct()
            .toList();
    if (!changing.isEmpty()) {
      userGoals.lockUsers(changing);
    }
    Map<String, List<Integer>> entering = new LinkedHashMap<>();
    for (int i = 0; i < visits.size(); i++) {
      Visit visit = visits.get(i);
      List<String> codes = EngineCatalog.goalCodes(visit.element());
      Optional<String> unknown = codes.stream().filter(c -> !known.contains(c)).findFirst();
      if (codes.isEmpty()) {
        outcomes[i] = new Outcome.Failed("the goal element has no goal codes");
      } else if (unknown.isPresent()) {
        outcomes[i] = new Outcome.Failed("goal '" + unknown.get() + "' does not exist");
      } else {
        if (visit.firstRun()) {
          for (String code : codes) {
            entering.computeIfAbsent(code, c -> new ArrayList<>()).add(i);
          }
        }
        checked.add(i);
      }
    }
    // on entry the users get the goals: one assignment of each goal to all its users
    entering.forEach(
        (code, entries) -> {
          Map<Long, ?> rows =
              userGoals.assignAll(
                  code, entries.stream().map(i -> visits.get(i).job().userId()).toList());
          for (int i : entries) {
            long user = visits.get(i).job().userId();
            if (!rows.containsKey(user)) {
              outcomes[i] = new Outcome.Failed("user " + user + " does not exist");
            }
          }
        });
    checked.removeIf(i -> outcomes[i] != null);
    List<Map<String, GoalState>> states = states(checked.stream().map(visits::get).toList());
    Set<String> doneTimeouts = new HashSet<>(); // user:code timed out by this batch
    for (int n = 0; n < checked.size(); n++) {
      int i = checked.get(n);
      outcomes[i] = decide(visits.get(i), states.get(n), doneTimeouts);
    }
    return List.of(outcomes);
  }

  /** Which of the visits' goal codes exist (one statement). */
  private Set<String> known(List<Visit> visits) {
    String[] codes =
        visits.stream()
            .flatMap(v -> EngineCatalog.goalCodes(v.element()).stream())
            .distinct()
            .toArray(String[]::new);
    return codes.length == 0
        ? Set.of()
        : new HashSet<>(
            jdbc.list(
                "select code from onboarding_goals where code = any(?)",
                rs -> rs.getString(1),
                (Object) codes));
  }

  private Outcome decide(Visit visit, Map<String, GoalState> states, Set<String> doneTimeouts) {
    List<String> codes = EngineCatalog.goalCodes(visit.element());
    for (String code : codes) {
      if (!states.containsKey(code)) { // deleted since the batch began
        return new Outcome.Failed("goal '" + code + "' does not exist");
      }
    }
    long userId = visit.job().userId();
    if (codes.stream().allMatch(c -> states.get(c).completedSinceEntry())) {
      return Outcome.POSITIVE;
    }
    JsonObject options = visit.element().options();
    Instant timesOut = timesOut(visit);
    if (timedOut(visit)) {
      for (String code : codes) {
        // read before the batch ran: a second visit of the user times the goal out once
        if (states.get(code).open() && doneTimeouts.add(userId + ":" + code)) {
          userGoals.timeout(code, userId);
        }
      }
      return Outcome.NEGATIVE;
    }
    Integer recheck = minutes(options, "recheckPeriodMinutes");
    Instant next = visit.now().plus(Duration.ofMinutes(recheck == null ? 5 : recheck));
    return new Outcome.Waiting(timesOut != null && timesOut.isBefore(next) ? timesOut : next);
  }

  /**
   * For each visit, its goals' states for its user since its entry (a goal that does not exist is
   * left out), in ONE statement for the lot.
   */
  private List<Map<String, GoalState>> states(List<Visit> visits) {
    List<Map<String, GoalState>> states = new ArrayList<>(visits.size());
    if (visits.isEmpty()) {
      return states;
    }
    int n = visits.size();
    String[] users = new String[n];
    String[] entered = new String[n];
    Set<String> codes = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      Visit visit = visits.get(i);
      users[i] = Long.toString(visit.job().userId());
      entered[i] = visit.enteredAt().toString();
      codes.addAll(EngineCatalog.goalCodes(visit.element()));
      states.add(new HashMap<>());
    }
    jdbc.list(
        """
        select v.n, g.code, coalesce(bool_or(u.completed_at >= v.entered::timestamptz), false),
               coalesce(bool_or(u.id is not null and u.completed_at is null and u.timedout_at is null), false)
        from unnest(cast(? as text[]), cast(? as text[])) with ordinality as v(uid, entered, n)
        cross join onboarding_goals g
        left join user_onboarding_goals u on u.onboarding_goal_id = g.id and u.user_id = v.uid::bigint
        where g.code = any(?) group by v.n, g.code""",
        rs ->
            states
                .get(rs.getInt(1) - 1)
                .put(rs.getString(2), new GoalState(rs.getBoolean(3), rs.getBoolean(4))),
        users,
        entered,
        codes.toArray(String[]::new));
    return states;
  }

  /** When the visit times out, if its element has a timeout. */
  private static Instant timesOut(Visit visit) {
    Integer timeout = minutes(visit.element().options(), "timeoutMinutes");
    return timeout == null ? null : visit.enteredAt().plus(Duration.ofMinutes(timeout));
  }

  private static boolean timedOut(Visit visit) {
    Instant timesOut = timesOut(visit);
    return timesOut != null && !visit.now().isBefore(timesOut);
  }

  static Integer minutes(JsonObject options, String key) {
    return options.get(key) instanceof JsonNumber n && n.intValue() >= 1 ? n.intValue() : null;
  }
}
