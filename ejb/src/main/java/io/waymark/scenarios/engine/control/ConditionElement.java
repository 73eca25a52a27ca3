package io.waymark.scenarios.engine.control;

import io.waymark.platform.criteria.Binding;
import io.waymark.platform.criteria.Bound;
import io.waymark.platform.criteria.CompileContext;
import io.waymark.platform.criteria.Compiled;
import io.waymark.platform.criteria.CriteriaCompiler;
import io.waymark.platform.criteria.CriterionPlugin.Use;
import io.waymark.platform.criteria.SavedSegment;
import io.waymark.platform.db.Jdbc;
import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.plugins.Param;
import io.waymark.segments.boundary.Segments;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * {@code condition} {criteria}: a criteria tree over the user and the trigger payload — every
 * criterion the registry offers to conditions: user fields, goal states, event counts, membership
 * of a criteria segment, {@code trigger.param} — positive when it holds for this user. The tree is
 * compiled once per element definition (a tree with {@code segment.member} at each run, since it
 * follows the other segment's definition); binding decides in Java what the payload decides, and
 * only what is left goes to the database as one query.
 */
@Dependent
public class ConditionElement implements ElementType {

  /** Trees held at most; beyond it the cache starts again (the elements in use come back). */
  static final int MAX_CACHED = 10_000;

  private record Entry(JsonValue tree, Compiled compiled) {}

  private final ConcurrentMap<Long, Entry> compiled = new ConcurrentHashMap<>();

  @Inject CriteriaCompiler compiler;

  @Inject Segments segments;

  @Inject Jdbc jdbc;

  protected ConditionElement() {}

  /** For validation in unit tests. */
  public ConditionElement(CriteriaCompiler compiler) {
    this.compiler = compiler;
  }

  @Override
  public String key() {
    return "condition";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public String label() {
    return "Condition";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.required(
            "criteria", "criteria", "a criteria tree over the user and the trigger payload"));
  }

  @Override
  public boolean negativeBranch() {
    return true;
  }

  @Override
  public void check(ElementCheck check) {
    JsonValue tree = check.options().get("criteria");
    if (tree == null || tree == JsonValue.NULL) {
      check.problem("option 'criteria' is required");
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    compiler.compile(tree, "criteria", context(errors, check.references()::savedSegment));
    errors.forEach(check::problem);
  }

  @Override
  public Outcome run(Visit visit) {
    JsonValue tree = visit.element().options().get("criteria");
    Entry entry = compiled.get(visit.element().id());
    Compiled condition = entry != null && entry.tree().equals(tree) ? entry.compiled() : null;
    if (condition == null) {
      List<FieldError> errors = new ArrayList<>();
      CompileContext context = context(errors, segments::savedSegment);
      condition = compiler.compile(tree, "criteria", context);
      if (condition == null || !errors.isEmpty()) {
        return new Outcome.Failed("the condition does not compile: " + errors);
      }
      if (!context.expandedSegments()) {
        if (compiled.size() >= MAX_CACHED) {
          compiled.clear();
        }
        compiled.put(visit.element().id(), new Entry(tree, condition));
      }
    }
    long user = visit.job().userId();
    Bound bound = condition.bind(new Binding(user, payload(visit.job().context())));
    if (bound instanceof Bound.Decided decided) {
      return Outcome.of(decided.value());
    }
    SqlFragment sql =
        new SqlFragment()
            .text("select exists (select 1 from users u where u.id = ")
            .bind(user)
            .text(" and ")
            .append(bound.predicate())
            .text(")");
    return Outcome.of(
        jdbc.first(sql.sql(), rs -> rs.getBoolean(1), sql.params().toArray()).orElse(false));
  }

  private static CompileContext context(
      List<FieldError> errors, Function<String, Optional<SavedSegment>> segments) {
    return new CompileContext(errors, segments, Use.CONDITION);
  }

  static JsonObject payload(String context) {
    try (var reader =
        JsonSupport.JSON.createReader(
            new StringReader(context == null || context.isBlank() ? "{}" : context))) {
      return reader.readObject();
    }
  }
}
