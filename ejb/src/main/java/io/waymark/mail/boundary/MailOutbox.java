package io.waymark.mail.boundary;

import io.waymark.mail.control.MailContent;
import io.waymark.mail.control.TemplateRenderer;
import io.waymark.mail.entity.MailUsers;
import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.outbox.Outbox;
import io.waymark.platform.outbox.OutboxItems;
import io.waymark.platform.templates.TemplateException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Mail through the outbox (scenarios issue #5, contract 3; ADR 0019): messages rendered when
 * queued, in the caller's transaction, as items of the {@code mail} channel, sent right after
 * commit by {@link MailChannel}. Never throws for a missing template or user, nor for a template
 * failing for the user: a thrown exception would mark the caller's transaction rollback-only.
 */
@Stateless
public class MailOutbox {

  private static final System.Logger LOG = System.getLogger(MailOutbox.class.getName());

  @PersistenceContext EntityManager em;

  @Inject Outbox outbox;

  @Inject OutboxItems items;

  @Inject MailUsers users;

  @Inject TemplateRenderer renderer;

  /** One message to queue with {@link #enqueueAll}: its user, template variables and key. */
  public record MailRequest(long userId, Map<String, Object> params, String uniqueKey) {}

  /**
   * Renders the template for the user now and queues it; empty when the template (or user) does not
   * exist. A template that fails for this user — a limit of {@code waymark.templates.*} (output,
   * loops, time) or a render error — is recorded as a {@code dead} message with the reason (never
   * sent, never retried) and logged. A second call with the same uniqueKey writes nothing and
   * returns the first message. {@code uniqueKey}: at most 500 characters; null = never a duplicate.
   */
  public Optional<Enqueued> enqueue(
      String templateCode, long userId, Map<String, Object> params, String uniqueKey) {
    return enqueueAll(templateCode, List.of(new MailRequest(userId, params, uniqueKey))).get(0);
  }

  /**
   * {@link #enqueue} for many users of one template (a scenario batch's email element): the
   * template and the users are read once for all, each message rendered and queued on its own; the
   * results in the same order.
   */
  public List<Optional<Enqueued>> enqueueAll(String templateCode, List<MailRequest> requests) {
    Optional<MailContent> source =
        em.createQuery(
                "select new io.waymark.mail.control.MailContent(t.subject, t.htmlBody, t.textBody) from EmailTemplate t where t.code = :code",
                MailContent.class)
            .setParameter("code", templateCode)
            .getResultStream()
            .findFirst();
    if (source.isEmpty()) {
      LOG.log(Level.DEBUG, "Mail not queued: no template ''{0}''", templateCode);
      return Collections.nCopies(requests.size(), Optional.empty());
    }
    Map<Long, Map<String, Object>> variables =
        users.variables(requests.stream().map(MailRequest::userId).distinct().toList());
    TemplateRenderer.Prepared template = renderer.prepare(source.get());
    List<Optional<Outbox.Item>> prepared =
        requests.stream()
            .map(r -> item(templateCode, template, r, variables.get(r.userId())))
            .toList();
    // one insert for the batch's messages
    List<Outbox.Enqueued> written =
        outbox.enqueueAll(MailChannel.NAME, prepared.stream().flatMap(Optional::stream).toList());
    List<Optional<Enqueued>> results = new ArrayList<>(requests.size());
    int next = 0;
    for (Optional<Outbox.Item> item : prepared) {
      if (item.isEmpty()) {
        results.add(Optional.empty());
      } else {
        results.add(
            Optional.of(
                new Enqueued(
                    written.get(next++).id(), Optional.ofNullable(item.get().deadReason()))));
      }
    }
    return results;
  }

  /**
   * The outbox item of one message: rendered for its user, or recorded dead with the reason (no
   * email address, the template failing for the user); empty when the user does not exist.
   */
  private Optional<Outbox.Item> item(
      String templateCode,
      TemplateRenderer.Prepared template,
      MailRequest request,
      Map<String, Object> user) {
    long userId = request.userId();
    String key = key(request.uniqueKey());
    if (user == null) {
      LOG.log(Level.DEBUG, "Mail not queued: no user {0}", userId);
      return Optional.empty();
    }
    String recipient = (String) user.get("email");
    if (recipient == null) {
      // a user reached only by phone (SPEC §7a): recorded, never sent
      String reason = "user " + userId + " has no email address";
      LOG.log(Level.INFO, "Mail not sent: {0}", reason);
      return Optional.of(
          new Outbox.Item(key, null, payload(templateCode, userId, "", "", "", ""), reason));
    }
    try {
      MailContent mail = renderer.render(template, user, request.params());
      return Optional.of(
          new Outbox.Item(
              key,
              null,
              payload(templateCode, userId, recipient, mail.subject(), mail.html(), mail.text()),
              null));
    } catch (TemplateException e) {
      String reason = "template '" + templateCode + "': " + e.part() + ": " + e.getMessage();
      LOG.log(Level.WARNING, "Mail failed for user {0}: {1}", userId, reason);
      return Optional.of(
          new Outbox.Item(key, null, payload(templateCode, userId, recipient, "", "", ""), reason));
    }
  }

  /** Left out of listed messages. */
  private static final List<String> BODIES = List.of("html_body", "text_body");

  private static String key(String uniqueKey) {
    return uniqueKey != null ? uniqueKey : "random:" + UUID.randomUUID();
  }

  private static JsonObject payload(
      String templateCode,
      long userId,
      String recipient,
      String subject,
      String html,
      String text) {
    JsonObjectBuilder b = JsonSupport.JSON.createObjectBuilder();
    if (templateCode != null) {
      b.add("template_code", templateCode);
    }
    return b.add("user_id", userId)
        .add("recipient", recipient)
        .add("subject", subject)
        .add("html_body", html)
        .add("text_body", text)
        .build();
  }

  /**
   * Newest first: the messages with ids below {@code beforeId} (all when null), optionally of one
   * status ({@code pending}, {@code sent}, {@code stored}, {@code dead}).
   */
  public List<OutboxMessage> page(Long beforeId, int limit, String status) {
    String state = status == null || OutboxItems.STATES.contains(status) ? status : "done";
    String outcome = "done".equals(state) ? status : null;
    return items.page(MailChannel.NAME, state, outcome, beforeId, limit, BODIES).stream()
        .map(OutboxMessage::of)
        .toList();
  }

  public Optional<OutboxMessage> find(long id) {
    return items.find(id).filter(e -> MailChannel.NAME.equals(e.channel())).map(OutboxMessage::of);
  }
}
