package io.waymark.segments.control;

import io.waymark.platform.criteria.CompileContext;
import io.waymark.platform.criteria.Criteria;
import io.waymark.platform.criteria.CriteriaCompiler;
import io.waymark.platform.criteria.CriteriaParser;
import io.waymark.platform.criteria.Watch;
import io.waymark.platform.db.Jdbc;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.json.JsonSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which segments a change can flip, in memory so that a change nobody watches costs a map lookup:
 * the criteria segments (not goal segments) whose membership snapshot is current, by the user
 * fields, tracked events and goals their criteria watch ({@link Watch}). Rebuilt when its signature
 * moves — the definitions' version (V15) and the snapshots taken — which the segments' broadcast
 * announces and the re-check sweep compares every tick.
 */
@ApplicationScoped
public class SegmentWatches {

  /** A segment a change may flip; {@code windowDays}: the watch's window (null: none). */
  public record Watched(long segmentId, String code, Integer windowDays) {}

  record Snapshot(
      String signature,
      Map<String, List<Watched>> fields,
      Map<String, List<Watched>> events,
      Map<String, List<Watched>> goals,
      List<Watched> all) {}

  @Inject Jdbc jdbc;

  @Inject CriteriaCompiler compiler;

  private volatile Snapshot snapshot;

  /** Rebuilds when the definitions or the snapshots moved; one small query otherwise. */
  public void refresh() {
    String signature = signature();
    Snapshot current = snapshot;
    if (current != null && current.signature().equals(signature)) {
      return;
    }
    synchronized (this) {
      if (snapshot == null || !snapshot.signature().equals(signature)) {
        snapshot = build(signature);
      }
    }
  }

  /** The segments a change of this user field may flip. */
  public List<Watched> field(String name) {
    return current().fields().getOrDefault(name, List.of());
  }

  /** The segments a tracked event of this name may flip (with the window it is counted in). */
  public List<Watched> event(String name) {
    return current().events().getOrDefault(name, List.of());
  }

  /** The segments a change of the user's rows of this goal may flip. */
  public List<Watched> goal(String code) {
    return current().goals().getOrDefault(code, List.of());
  }

  /** Every watched segment, once (a new user may be in any of them). */
  public List<Watched> all() {
    return current().all();
  }

  private Snapshot current() {
    Snapshot current = snapshot;
    if (current == null) {
      refresh();
      current = snapshot;
    }
    return current;
  }

  private String signature() {
    return jdbc.first(
            "select v.version || ':' || (select count(*) || ':' || coalesce(max(taken_at)::text, '')"
                + " from segment_snapshots) from segment_definitions_version v",
            rs -> rs.getString(1))
        .orElse("");
  }

  private Snapshot build(String signature) {
    Map<String, List<Watched>> fields = new HashMap<>();
    Map<String, List<Watched>> events = new HashMap<>();
    Map<String, List<Watched>> goals = new HashMap<>();
    List<Watched> all = new ArrayList<>();
    for (Object[] row :
        jdbc.list(
            "select s.id, s.code, s.criteria from segments s join segment_snapshots ss on ss.segment_id = s.id"
                + " where s.kind = 'criteria' and s.onboarding_goal_id is null"
                + " and ss.definition = md5(s.criteria) order by s.id",
            rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})) {
      long id = (Long) row[0];
      String code = (String) row[1];
      List<Watch> watches = watches((String) row[2]);
      if (watches.isEmpty()) {
        continue;
      }
      all.add(new Watched(id, code, null));
      for (Watch watch : watches) {
        if (watch instanceof Watch.Field f) {
          add(fields, f.name(), new Watched(id, code, null));
        } else if (watch instanceof Watch.Event e) {
          add(events, e.name(), new Watched(id, code, e.windowDays()));
        } else if (watch instanceof Watch.Goal g) {
          add(goals, g.code(), new Watched(id, code, g.windowDays()));
        }
      }
    }
    return new Snapshot(
        signature, Map.copyOf(fields), Map.copyOf(events), Map.copyOf(goals), List.copyOf(all));
  }

  private static void add(Map<String, List<Watched>> map, String key, Watched watched) {
    List<Watched> list = map.computeIfAbsent(key, k -> new ArrayList<>());
    // one entry per segment: the longest window of its watches on this key (a window beats none)
    for (int i = 0; i < list.size(); i++) {
      Watched known = list.get(i);
      if (known.segmentId() == watched.segmentId()) {
        list.set(i, longer(known, watched));
        return;
      }
    }
    list.add(watched);
  }

  private static Watched longer(Watched a, Watched b) {
    if (b.windowDays() == null) {
      return a;
    }
    return a.windowDays() == null || b.windowDays() > a.windowDays() ? b : a;
  }

  /** The watches of a stored tree; none when it no longer parses (the recount reports it). */
  private List<Watch> watches(String criteria) {
    try (var reader = JsonSupport.JSON.createReader(new StringReader(criteria))) {
      List<FieldError> errors = new ArrayList<>();
      Criteria tree =
          CriteriaParser.parse(
              reader.readValue(), "criteria", new CompileContext(errors, c -> Optional.empty()));
      return tree == null || !errors.isEmpty() ? List.of() : compiler.watches(tree);
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
