package io.waymark.mail.boundary;

import io.waymark.mail.control.MailSettings;
import io.waymark.mail.entity.ClaimedMail;
import io.waymark.mail.entity.MailQueue;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outbox's transactions around sending: claiming due messages and recording the outcomes (sent,
 * stored, retried with exponential backoff, failed after the last attempt). SMTP happens between
 * the two, so no row lock or connection is held while the mail server answers.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailDeliveries {

  private static final System.Logger LOG = System.getLogger(MailDeliveries.class.getName());

  @Inject MailQueue queue;

  @Inject MailSettings settings;

  @Inject Clock clock;

  public List<ClaimedMail> claim() {
    Instant now = clock.instant();
    return queue.claim(now, settings.batch(), now.plus(settings.lease()));
  }

  /** Marks the messages kept by the {@code outbox} transport. */
  public void stored(List<ClaimedMail> mails) {
    Instant now = clock.instant();
    mails.forEach(m -> queue.finish(m.id(), "stored", null, now));
  }

  /** Records the outcome of each message (null = sent); returns how many were given up on. */
  public int record(Map<ClaimedMail, String> outcomes) {
    Instant now = clock.instant();
    int failed = 0;
    String example = null;
    for (var entry : outcomes.entrySet()) {
      ClaimedMail mail = entry.getKey();
      String error = entry.getValue();
      if (error == null) {
        queue.finish(mail.id(), "sent", null, now);
      } else if (mail.attempts() >= settings.maxAttempts()) {
        queue.finish(mail.id(), "failed", error, now);
        failed++;
        example = "message " + mail.id() + ": " + error;
      } else {
        queue.retryAt(mail.id(), now.plus(settings.retryAfter(mail.attempts())), error);
      }
    }
    if (failed > 0) {
      // one line per batch (a mail server that is down fails whole batches); each row keeps its own
      // last_error
      LOG.log(
          Level.WARNING,
          "Mail gave up on {0} message(s) after {1} attempts, e.g. {2}",
          failed,
          settings.maxAttempts(),
          example);
    }
    return failed;
  }

  public int purgeFinished() {
    return queue.purge(clock.instant().minus(settings.keep()));
  }
}
