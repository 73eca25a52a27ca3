package io.waymark.scenarios.engine.control;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.json.JsonSupport;
import io.waymark.segments.control.CompileContext;
import io.waymark.segments.control.Criteria;
import io.waymark.segments.control.CriteriaCompiler;
import io.waymark.segments.control.CriteriaParser;
import io.waymark.segments.control.SegmentSql;
import io.waymark.segments.control.SqlFragment;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code condition} {criteria}: the segments' criteria tree (user fields, goal states, event
 * counts) plus {@code trigger.param}, compiled with the segments' compiler and checked for this one
 * user (positive / negative). {@code segment.member} is not offered here (the segment element does
 * that).
 */
@Dependent
public class ConditionElement {

  @Inject SegmentSql sql;

  public Outcome run(Visit visit) {
    JsonObject payload = payload(visit.job().context());
    List<FieldError> errors = new ArrayList<>();
    CompileContext context = new CompileContext(errors, code -> Optional.empty());
    Criteria criteria =
        CriteriaParser.parse(visit.element().options().get("criteria"), "criteria", context);
    CriteriaCompiler compiler = CriteriaCompiler.standard();
    compiler.register(new TriggerParamCriterion(payload));
    SqlFragment selectIds =
        criteria == null ? null : compiler.selectIds(criteria, "criteria", context);
    if (selectIds == null || !errors.isEmpty()) {
      return new Outcome.Failed("the condition does not compile: " + errors);
    }
    return Outcome.of(sql.contains(selectIds, visit.job().userId()));
  }

  static JsonObject payload(String context) {
    try (var reader =
        JsonSupport.JSON.createReader(
            new StringReader(context == null || context.isBlank() ? "{}" : context))) {
      return reader.readObject();
    }
  }
}
