package io.waymark.mail.boundary;

import io.waymark.mail.control.MailSender;
import io.waymark.mail.control.MailSettings;
import io.waymark.mail.entity.ClaimedMail;
import io.waymark.platform.outbox.Delivery;
import io.waymark.platform.outbox.OutboxChannel;
import io.waymark.platform.outbox.OutboxItem;
import io.waymark.platform.outbox.OutboxSettings;
import io.waymark.platform.outbox.RetryPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

/**
 * The outbox's {@code mail} channel: sends claimed messages over one SMTP connection, or — with the
 * {@code store} transport — only marks them {@code stored}. A failure is retried with backoff
 * ({@code waymark.mail.retry-delay} doubling to {@code .retry-max-delay}), {@code dead} after
 * {@code waymark.mail.max-attempts}; finished messages are kept for {@code waymark.mail.keep}.
 */
@ApplicationScoped
public class MailChannel implements OutboxChannel {

  public static final String NAME = "mail";

  private static final System.Logger LOG = System.getLogger(MailChannel.class.getName());

  @Inject MailSettings settings;

  @Inject MailSender sender;

  @Inject OutboxSettings outbox;

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
          "Mail transport: store (messages are stored, none is sent; set waymark.mail.transport=smtp to send)");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RetryPolicy policy() {
    return new RetryPolicy(
        settings.maxAttempts(),
        settings.retryDelay(),
        settings.retryMaxDelay(),
        settings.lease(outbox.batch()),
        settings.keep());
  }

  @Override
  public List<Delivery> deliver(List<OutboxItem> items) {
    if (!settings.smtp()) {
      return items.stream().map(i -> Delivery.done("stored", null)).toList();
    }
    List<ClaimedMail> mails = items.stream().map(MailChannel::mail).toList();
    Map<ClaimedMail, String> errors = sender.send(mails);
    return mails.stream()
        .map(m -> errors.get(m) == null ? Delivery.done("sent", null) : retry(errors.get(m)))
        .toList();
  }

  private static Delivery retry(String error) {
    return Delivery.retry(null, error);
  }

  private static ClaimedMail mail(OutboxItem item) {
    JsonObject p = item.payload();
    return new ClaimedMail(
        item.id(),
        p.getString("recipient"),
        p.getString("subject"),
        p.getString("html_body"),
        p.getString("text_body"),
        item.attempts());
  }
}
