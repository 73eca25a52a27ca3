package io.waymark.scenarios.engine.control;

import io.waymark.mail.boundary.MailOutbox;
import io.waymark.platform.json.PlainJson;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;

/**
 * {@code email} {template_code}: the template rendered for the user and queued in the mail outbox
 * in the job's own transaction, keyed by the job id, so the mail is queued once whatever runs the
 * job twice; the outbox's sender delivers it. Templates see {@code user}, {@code trigger} (the
 * trigger's payload), {@code scenario_id} and {@code element_id}.
 */
@Dependent
public class EmailElement implements ElementType {

  @Override
  public String key() {
    return "email";
  }

  @Override
  public String label() {
    return "Email";
  }

  @Override
  public List<Param> params() {
    return List.of(Param.required("template_code", "email_template", "the email template"));
  }

  @Override
  public void check(ElementCheck check) {
    String code = check.string("template_code", true);
    if (code != null && Boolean.FALSE.equals(check.references().templateExists(code))) {
      check.problem("unknown template code '" + code + "'");
    }
  }

  @Inject MailOutbox outbox;

  @Override
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
