package io.waymark.mail.control;

import io.waymark.mail.entity.ClaimedMail;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Sends messages over SMTP with the server's Jakarta Mail implementation (Angus Mail on Payara and
 * WildFly), one connection per batch. The session is built from {@code waymark.mail.*}, not looked
 * up as a server mail resource.
 */
@Dependent
public class MailSender {

  @Inject MailSettings settings;

  /**
   * The outcome of each message: null when sent, else the error. A connection failure fails the
   * whole batch.
   */
  public Map<ClaimedMail, String> send(List<ClaimedMail> mails) {
    Map<ClaimedMail, String> results = new LinkedHashMap<>();
    Session session = session();
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect(
          settings.host(),
          settings.port(),
          settings.username().orElse(null),
          settings.username().isPresent() ? settings.password() : null);
      for (ClaimedMail mail : mails) {
        try {
          MimeMessage message = message(session, mail);
          transport.sendMessage(message, message.getAllRecipients());
          results.put(mail, null);
        } catch (MessagingException | RuntimeException e) {
          results.put(mail, describe(e));
        }
      }
    } catch (MessagingException | RuntimeException e) {
      String error = describe(e);
      mails.forEach(mail -> results.putIfAbsent(mail, error));
    }
    return results;
  }

  /** The message as it would be sent (also what the start-up self-check builds). */
  public MimeMessage message(Session session, ClaimedMail mail) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(settings.from(), true));
    message.setRecipients(
        jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    message.setHeader("X-Waymark-Message-Id", String.valueOf(mail.id()));
    boolean html = !mail.htmlBody().isEmpty();
    boolean text = !mail.textBody().isEmpty() || !html;
    if (html && text) {
      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart textPart = new MimeBodyPart();
      textPart.setText(mail.textBody(), StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart htmlPart = new MimeBodyPart();
      htmlPart.setText(mail.htmlBody(), StandardCharsets.UTF_8.name(), "html");
      alternative.addBodyPart(textPart);
      alternative.addBodyPart(htmlPart);
      message.setContent(alternative);
    } else if (html) {
      message.setText(mail.htmlBody(), StandardCharsets.UTF_8.name(), "html");
    } else {
      message.setText(mail.textBody(), StandardCharsets.UTF_8.name(), "plain");
    }
    message.saveChanges();
    return message;
  }

  /**
   * Builds and writes out a two-part message without sending it: proves at start that the server's
   * Jakarta Mail and Activation implementations are there and usable from the application (Payara
   * and WildFly ship Angus).
   */
  public void selfCheck() {
    try {
      message(
              session(),
              new ClaimedMail(0, "check@example.invalid", "check", "<p>check</p>", "check", 0))
          .writeTo(java.io.OutputStream.nullOutputStream());
    } catch (MessagingException | java.io.IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Jakarta Mail is not usable on this server: " + describe(e), e);
    }
  }

  public Session session() {
    Properties props = new Properties();
    String timeout = String.valueOf(settings.timeout().toMillis());
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.host", settings.host());
    props.put("mail.smtp.port", String.valueOf(settings.port()));
    props.put("mail.smtp.connectiontimeout", timeout);
    props.put("mail.smtp.timeout", timeout);
    props.put("mail.smtp.writetimeout", timeout);
    props.put("mail.smtp.auth", String.valueOf(settings.username().isPresent()));
    if (settings.starttls()) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    return Session.getInstance(props);
  }

  private static String describe(Exception e) {
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      text.append(" (")
          .append(cause.getClass().getSimpleName())
          .append(": ")
          .append(cause.getMessage())
          .append(')');
    }
    return text.toString();
  }
}
