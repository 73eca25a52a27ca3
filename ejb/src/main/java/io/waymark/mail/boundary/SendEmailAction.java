package io.waymark.mail.boundary;

import io.waymark.platform.actions.Action;
import io.waymark.platform.actions.ActionRequest;
import io.waymark.platform.actions.ActionResult;
import io.waymark.platform.json.PlainJson;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code email.send} {template_code}: the template rendered for the user now and queued in the mail
 * outbox in the caller's transaction under the request's key (queued once, whoever calls twice).
 * Templates see {@code user}, {@code trigger} (the payload) and the caller's context.
 */
@Dependent
public class SendEmailAction implements Action {

  /** Its params (the scenario element of the same name takes them as its options). */
  public static final List<Param> PARAMS =
      List.of(Param.required("template_code", "email_template", "the email template"));

  @Inject MailOutbox outbox;

  @Override
  public String key() {
    return "email.send";
  }

  @Override
  public String label() {
    return "Send an email";
  }

  @Override
  public List<Param> params() {
    return PARAMS;
  }

  @Override
  public ActionResult perform(ActionRequest request) {
    if (!(request.params().get("template_code") instanceof JsonString code)) {
      return ActionResult.failed("email.send needs a template_code");
    }
    Map<String, Object> variables = new HashMap<>(request.context());
    variables.put("trigger", PlainJson.map(request.payload()));
    String template = code.getString();
    return outbox
        .enqueue(template, request.userId(), variables, request.key())
        .map(
            queued ->
                queued
                    .failure()
                    .map(reason -> ActionResult.failed("email " + reason))
                    .orElse(ActionResult.DONE))
        .orElseGet(
            () ->
                ActionResult.failed(
                    "email template '"
                        + template
                        + "' or user "
                        + request.userId()
                        + " does not exist"));
  }
}
