package io.waymark.scenarios.engine.control;

import io.waymark.platform.actions.ActionRequest;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job's visit as an action request: the job's user and trigger payload, the scenario and element
 * as context ({@code scenario_id}, {@code element_id}: template variables, webhook body members),
 * keyed by the job so the side effect happens once per job.
 */
final class ActionRequests {

  private ActionRequests() {}

  static ActionRequest of(Visit visit, JsonObject params) {
    return of(visit, params, "scenario-job:" + visit.job().id());
  }

  static ActionRequest of(Visit visit, JsonObject params, String key) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("scenario_id", visit.job().scenarioId());
    context.put("element_id", visit.element().uuid());
    return new ActionRequest(
        visit.job().userId(),
        params,
        ConditionElement.payload(visit.job().context()),
        context,
        key);
  }
}
