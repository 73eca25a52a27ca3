package io.waymark.mail.boundary;

import io.waymark.platform.actions.Action;
import io.waymark.platform.actions.ActionRequest;
import io.waymark.platform.actions.ActionResult;
import io.waymark.platform.json.PlainJson;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    return performAll(List.of(request)).get(0);
  }

  /**
   * Many requests at once (a scenario batch's email element): the messages of each template are
   * queued together ({@link MailOutbox#enqueueAll}: the template and the users read once); the
   * results in the same order.
   */
  public List<ActionResult> performAll(List<ActionRequest> requests) {
    ActionResult[] results = new ActionResult[requests.size()];
    Map<String, List<Integer>> byTemplate = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i).params().get("template_code") instanceof JsonString code) {
        byTemplate.computeIfAbsent(code.getString(), c -> new ArrayList<>()).add(i);
      } else {
        results[i] = ActionResult.failed("email.send needs a template_code");
      }
    }
    byTemplate.forEach(
        (template, indexes) -> {
          List<Optional<Enqueued>> queued =
              outbox.enqueueAll(
                  template, indexes.stream().map(i -> mailRequest(requests.get(i))).toList());
          for (int n = 0; n < indexes.size(); n++) {
            long userId = requests.get(indexes.get(n)).userId();
            results[indexes.get(n)] =
                queued
                    .get(n)
                    .map(
                        q ->
                            q.failure()
                                .map(reason -> ActionResult.failed("email " + reason))
                                .orElse(ActionResult.DONE))
                    .orElseGet(
                        () ->
                            ActionResult.failed(
                                "email template '"
                                    + template
                                    + "' or user "
                                    + userId
                                    + " does not exist"));
          }
        });
    return List.of(results);
  }

  private static MailOutbox.MailRequest mailRequest(ActionRequest request) {
    Map<String, Object> variables = new HashMap<>(request.context());
    variables.put("trigger", PlainJson.map(request.payload()));
    return new MailOutbox.MailRequest(request.userId(), variables, request.key());
  }
}
