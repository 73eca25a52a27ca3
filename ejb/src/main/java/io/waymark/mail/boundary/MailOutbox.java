package io.waymark.mail.boundary;

import io.waymark.mail.control.MailContent;
import io.waymark.mail.control.TemplateRenderer;
import io.waymark.mail.control.TemplateRenderer.TemplateError;
import io.waymark.mail.entity.MailQueue;
import io.waymark.mail.entity.MailUsers;
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
 * transaction, and sent later by {@link MailSendSweeper}. Never throws for a missing template or
 * user: a thrown exception would mark the caller's transaction rollback-only.
 */
@Stateless
public class MailOutbox {

  private static final System.Logger LOG = System.getLogger(MailOutbox.class.getName());

  @PersistenceContext EntityManager em;

  @Inject MailQueue queue;

  @Inject MailUsers users;

  @Inject Clock clock;

  /**
   * Renders the template for the user now and queues it; empty when the template (or user) does not
   * exist, or the template does not render for this user (logged). A second call with the same
   * uniqueKey queues nothing and returns the first message's id. {@code uniqueKey}: at most 500
   * characters; null = never a duplicate.
   */
  public Optional<Long> enqueue(
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
    MailContent mail;
    try {
      mail = TemplateRenderer.render(source.get(), user.get(), params);
    } catch (TemplateError e) {
      LOG.log(
          Level.WARNING,
          "Mail not queued: template ''{0}'' failed for user {1}: {2}: {3}",
          templateCode,
          userId,
          e.part(),
          e.getMessage());
      return Optional.empty();
    }
    String recipient = (String) user.get().get("email");
    return Optional.of(
        queue.add(
            new MailQueue.NewMail(
                uniqueKey,
                templateCode,
                userId,
                recipient,
                mail.subject(),
                mail.html(),
                mail.text()),
            clock.instant()));
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
