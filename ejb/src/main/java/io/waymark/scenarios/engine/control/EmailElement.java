package io.waymark.scenarios.engine.control;

import io.waymark.mail.boundary.SendEmailAction;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;

/**
 * {@code email} {template_code}: the template rendered for the user and queued in the mail outbox
 * in the job's own transaction, keyed by the job id, so the mail is queued once whatever runs the
 * job twice; the outbox's sender delivers it. Templates see {@code user}, {@code trigger} (the
 * trigger's payload), {@code scenario_id} and {@code element_id}.
 */
@Dependent
public class EmailElement implements ElementType {

  @Inject SendEmailAction action;

  @Override
  public String key() {
    return "email";
  }

  @Override
  public int order() {
    return 50;
  }

  @Override
  public String label() {
    return "Email";
  }

  @Override
  public List<Param> params() {
    return SendEmailAction.PARAMS;
  }

  @Override
  public void check(ElementCheck check) {
    String code = check.string("template_code", true);
    if (code != null && Boolean.FALSE.equals(check.references().templateExists(code))) {
      check.problem("unknown template code '" + code + "'");
    }
  }

  @Override
  public Outcome run(Visit visit) {
    return runAll(List.of(visit)).get(0);
  }

  /** A batch's mails queued together: each template and the users read once. */
  @Override
  public List<Outcome> runAll(List<Visit> visits) {
    return action
        .performAll(visits.stream().map(v -> ActionRequests.of(v, v.element().options())).toList())
        .stream()
        .map(Outcome::after)
        .toList();
  }
}
