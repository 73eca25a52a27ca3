package io.waymark.mail.boundary;

import io.waymark.mail.control.MailSender;
import io.waymark.mail.control.MailSettings;
import io.waymark.mail.entity.ClaimedMail;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Sends the mail outbox: one non-persistent timer per server ({@code waymark.mail.send-period}).
 * Each tick claims due messages in batches (SKIP LOCKED, so servers share the work), sends a batch
 * over one SMTP connection (or, with the {@code outbox} transport, only marks it stored), records
 * the outcomes, and goes on while batches come back full and the tick is within its period;
 * finished rows past {@code waymark.mail.keep} are purged.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailSendSweeper {

  private static final System.Logger LOG = System.getLogger(MailSendSweeper.class.getName());

  @Resource TimerService timers;

  @Inject MailSettings settings;

  @Inject MailDeliveries deliveries;

  @Inject MailSender sender;

  @PostConstruct
  void schedule() {
    // fails the deployment when the server's Jakarta Mail implementation is missing or clashes with
    // a bundled one
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
    long period = settings.sendPeriod().toMillis();
    timers.createIntervalTimer(period, period, new TimerConfig("mail-send", false));
  }

  @Timeout
  void send() {
    long deadline = System.nanoTime() + settings.sendPeriod().toNanos();
    try {
      List<ClaimedMail> mails;
      do {
        mails = deliveries.claim();
        if (mails.isEmpty()) {
          break;
        }
        if (settings.smtp()) {
          deliveries.record(sender.send(mails));
        } else {
          deliveries.stored(mails);
        }
      } while (mails.size() == settings.batch() && System.nanoTime() < deadline);
      int purged = deliveries.purgeFinished();
      if (purged > 0) {
        LOG.log(Level.DEBUG, "Purged {0} finished mail outbox rows", purged);
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Mail sending stopped early; claimed messages are due again after their lease",
          e);
    }
  }
}
