package io.waymark.mail.boundary;

import io.waymark.mail.control.MailSender;
import io.waymark.mail.control.MailSettings;
import io.waymark.mail.entity.ClaimedMail;
import io.waymark.platform.sweep.Sweep;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;

/**
 * Sends the mail outbox every {@code waymark.mail.send-period}: each batch claims due messages
 * (SKIP LOCKED, so servers share the work), sends them over one SMTP connection (or, with the
 * {@code outbox} transport, only marks them stored) and records the outcomes; a run goes on while
 * batches come back full. Finished rows past {@code waymark.mail.keep} go with {@link MailPurge}.
 */
@ApplicationScoped
public class MailSending implements Sweep {

  private static final System.Logger LOG = System.getLogger(MailSending.class.getName());

  @Inject MailSettings settings;

  @Inject MailDeliveries deliveries;

  @Inject MailSender sender;

  @PostConstruct
  void check() {
    // fails the deployment when the server's Jakarta Mail implementation is missing or clashes
    // with a bundled one
    sender.selfCheck();
    if (settings.smtp()) {
      LOG.log(
          Level.INFO,
          "Mail transport: SMTP to {0}:{1} (STARTTLS {2}, {3})",
          settings.host(),
          String.valueOf(settings.port()),
          settings.starttls() ? "on" : "off",
          settings.username().isPresent() ? "authenticated" : "no authentication");
    } else {
      LOG.log(
          Level.INFO,
          "Mail transport: outbox (messages are stored, none is sent; set waymark.mail.transport=smtp to send)");
    }
  }

  @Override
  public String name() {
    return "mail.send";
  }

  @Override
  public Duration period() {
    return settings.sendPeriod();
  }

  @Override
  public int batchSize() {
    return settings.batch();
  }

  /** Claims, sends and records in transactions of their own; the SMTP session in none. */
  @Override
  public boolean own() {
    return true;
  }

  @Override
  public int runBatch() {
    List<ClaimedMail> mails = deliveries.claim();
    if (mails.isEmpty()) {
      return 0;
    }
    if (settings.smtp()) {
      deliveries.record(sender.send(mails));
    } else {
      deliveries.stored(mails);
    }
    return mails.size();
  }
}
