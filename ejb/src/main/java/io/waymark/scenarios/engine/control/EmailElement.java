package io.waymark.scenarios.engine.control;

import io.waymark.mail.boundary.MailOutbox;
import io.waymark.platform.json.PlainJson;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Map;

/**
 * {@code email} {template_code}: the template rendered for the user and queued in the mail outbox
 * in the job's own transaction, keyed by the job id, so the mail is queued once whatever runs the
 * job twice; the outbox's sender delivers it. Templates see {@code user}, {@code trigger} (the
 * trigger's payload), {@code scenario_id} and {@code element_id}.
 */
@Dependent
public class EmailElement {

  @Inject MailOutbox outbox;

  public Outcome run(Visit visit) {
    if (!(visit.element().options().get("template_code") instanceof JsonString code)) {
      return new Outcome.Failed("the email element has no template_code");
    }
    Map<String, Object> params =
        Map.of(
            "trigger", PlainJson.map(ConditionElement.payload(visit.job().context())),
            "scenario_id", visit.job().scenarioId(),
            "element_id", visit.element().uuid());
    String template = code.getString();
    long user = visit.job().userId();
    return outbox
        .enqueue(template, user, params, "scenario-job:" + visit.job().id())
        .<Outcome>map(
            queued ->
                queued
                    .failure()
                    .<Outcome>map(reason -> new Outcome.Failed("email " + reason))
                    .orElse(Outcome.POSITIVE))
        .orElseGet(
            () ->
                new Outcome.Failed(
                    "email template '" + template + "' or user " + user + " does not exist"));
  }
}
