package io.waymark.mail.boundary;

import io.waymark.mail.control.MailContent;
import io.waymark.mail.control.TemplateRenderer;
import io.waymark.mail.entity.MailQueue;
import io.waymark.mail.entity.MailUsers;
import io.waymark.platform.templates.TemplateException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mail outbox (scenarios issue #5, contract 3): messages rendered when queued, in the caller's
 * transaction, and sent later by {@link MailSending}. Never throws for a missing template or user,
 * nor for a template failing for the user: a thrown exception would mark the caller's transaction
 * rollback-only.
 */
@Stateless
public class MailOutbox {

  private static final System.Logger LOG = System.getLogger(MailOutbox.class.getName());

  @PersistenceContext EntityManager em;

  @Inject MailQueue queue;

  @Inject MailUsers users;

  @Inject Clock clock;

  @Inject TemplateRenderer renderer;

  /**
   * Renders the template for the user now and queues it; empty when the template (or user) does not
   * exist. A template that fails for this user — a limit of {@code waymark.templates.*} (output,
   * loops, time) or a render error — is recorded as a {@code failed} message with the reason (never
   * sent, never retried) and logged. A second call with the same uniqueKey writes nothing and
   * returns the first message. {@code uniqueKey}: at most 500 characters; null = never a duplicate.
   */
  public Optional<Enqueued> enqueue(
      String templateCode, long userId, Map<String, Object> params, String uniqueKey) {
    Optional<MailContent> source =
        em.createQuery(
                "select new io.waymark.mail.control.MailContent(t.subject, t.htmlBody, t.textBody) from EmailTemplate t where t.code = :code",
                MailContent.class)
            .setParameter("code", templateCode)
            .getResultStream()
            .findFirst();
    if (source.isEmpty()) {
      LOG.log(Level.DEBUG, "Mail not queued: no template ''{0}''", templateCode);
      return Optional.empty();
    }
    Optional<Map<String, Object>> user = users.variables(userId);
    if (user.isEmpty()) {
      LOG.log(Level.DEBUG, "Mail not queued: no user {0}", userId);
      return Optional.empty();
    }
    String recipient = (String) user.get().get("email");
    MailContent mail;
    try {
      mail = renderer.render(source.get(), user.get(), params);
    } catch (TemplateException e) {
      String reason = "template '" + templateCode + "': " + e.part() + ": " + e.getMessage();
      LOG.log(Level.WARNING, "Mail failed for user {0}: {1}", userId, reason);
      long id =
          queue.addFailed(
              new MailQueue.NewMail(
                  uniqueKey, templateCode, userId, recipient == null ? "" : recipient, "", "", ""),
              reason,
              clock.instant());
      return Optional.of(new Enqueued(id, Optional.of(reason)));
    }
    long id =
        queue.add(
            new MailQueue.NewMail(
                uniqueKey,
                templateCode,
                userId,
                recipient,
                mail.subject(),
                mail.html(),
                mail.text()),
            clock.instant());
    return Optional.of(new Enqueued(id, Optional.empty()));
  }

  /**
   * Newest first: the messages with ids below {@code beforeId} (all when null), optionally of one
   * status.
   */
  public List<OutboxMessage> page(Long beforeId, int limit, String status) {
    return queue.page(beforeId, limit, status).stream().map(OutboxMessage::of).toList();
  }

  public Optional<OutboxMessage> find(long id) {
    return queue.find(id).map(OutboxMessage::of);
  }
}
