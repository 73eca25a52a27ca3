package io.waymark.mail.boundary;

import io.waymark.mail.control.MailContent;
import io.waymark.mail.control.TemplateRenderer;
import io.waymark.mail.entity.EmailTemplate;
import io.waymark.mail.entity.MailUsers;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.templates.TemplateException;
import io.waymark.users.boundary.Users;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Email templates: create, edit (the code never changes), list, preview for a user, and a test
 * send.
 */
@Stateless
public class EmailTemplates {

  static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,64}");
  private static final int MAX_NAME = 200;
  private static final int MAX_SUBJECT = 2000;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject MailUsers users;

  @Inject MailOutbox outbox;

  @Inject TemplateRenderer renderer;

  public TemplateView create(TemplateChange change) {
    validate(change, true);
    if (byCode(change.code()).isPresent()) {
      throw codeTaken(change.code());
    }
    EmailTemplate template = new EmailTemplate(change.code(), clock.instant());
    apply(template, change);
    em.persist(template);
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw codeTaken(change.code());
    }
    return view(template);
  }

  public TemplateView update(String code, TemplateChange change) {
    EmailTemplate template = entity(code);
    if (change.code() != null && !change.code().equals(code)) {
      throw WaymarkException.conflict(
          "immutable_field", "The code of a template cannot be changed");
    }
    validate(change, false);
    apply(template, change);
    template.setUpdatedAt(clock.instant());
    return view(template);
  }

  public TemplateView find(String code) {
    return view(entity(code));
  }

  /**
   * Every template's code, sorted (pickers such as the scenario builder's; a code is short, the
   * list stays small).
   */
  public List<String> codes() {
    return em.createQuery("select t.code from EmailTemplate t order by t.code", String.class)
        .getResultList();
  }

  /** Ordered by id; the rows after {@code afterId} (all when null). */
  public List<TemplateView> page(Long afterId, int limit) {
    return em.createQuery(
            "select t from EmailTemplate t where t.id > :after order by t.id", EmailTemplate.class)
        .setParameter("after", afterId == null ? 0L : afterId)
        .setMaxResults(limit)
        .getResultStream()
        .map(EmailTemplates::view)
        .toList();
  }

  /**
   * The rows just before {@code beforeId}, in ascending id order (the console's "previous page").
   */
  public List<TemplateView> pageBefore(long beforeId, int limit) {
    List<TemplateView> rows =
        new ArrayList<>(
            em.createQuery(
                    "select t from EmailTemplate t where t.id < :before order by t.id desc",
                    EmailTemplate.class)
                .setParameter("before", beforeId)
                .setMaxResults(limit)
                .getResultStream()
                .map(EmailTemplates::view)
                .toList());
    java.util.Collections.reverse(rows);
    return rows;
  }

  /** The saved template rendered for the user. */
  public RenderedMail preview(String code, long userId, Map<String, Object> params) {
    EmailTemplate t = entity(code);
    return preview(
        new MailContent(t.getSubject(), t.getHtmlBody(), t.getTextBody()), userId, params);
  }

  /**
   * Template sources (e.g. the console's unsaved edits) rendered for the user; 422 {@code
   * validation_error} when they fail.
   */
  public RenderedMail preview(
      String subject, String htmlBody, String textBody, long userId, Map<String, Object> params) {
    return preview(new MailContent(subject, htmlBody, textBody), userId, params);
  }

  private RenderedMail preview(MailContent source, long userId, Map<String, Object> params) {
    Map<String, Object> user =
        users.variables(userId).orElseThrow(() -> Users.userNotFound(String.valueOf(userId)));
    try {
      MailContent out = renderer.preview(source, user, params);
      return new RenderedMail((String) user.get("email"), out.subject(), out.html(), out.text());
    } catch (TemplateException e) {
      throw invalid(e);
    }
  }

  /**
   * Queues the template for the user through the outbox (an operator's test mail); the same
   * idempotency key queues once. Returns the message id.
   */
  public long send(String code, long userId, Map<String, Object> params, String idempotencyKey) {
    EmailTemplate t = entity(code);
    Map<String, Object> user =
        users.variables(userId).orElseThrow(() -> Users.userNotFound(String.valueOf(userId)));
    if (user.get("email") == null) {
      throw new WaymarkException(
          409, "email_missing", "user " + userId + " has no email address to send to");
    }
    try {
      // rendered here first (on the managed executor, with a deadline) so that a template failing
      // for this user is a 422, not a failed message
      renderer.preview(
          new MailContent(t.getSubject(), t.getHtmlBody(), t.getTextBody()), user, params);
    } catch (TemplateException e) {
      throw invalid(e);
    }
    String key =
        idempotencyKey == null ? null : "send:" + code + ":" + userId + ":" + idempotencyKey;
    return outbox
        .enqueue(code, userId, params, key)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "template " + code + " for user " + userId + " was not queued"))
        .id();
  }

  public static WaymarkException templateNotFound(String code) {
    return WaymarkException.notFound("template_not_found", "template '" + code + "' not found");
  }

  private void validate(TemplateChange change, boolean creating) {
    List<FieldError> errors = new ArrayList<>();
    if (creating) {
      if (change.code() == null) {
        errors.add(new FieldError("code", "is required"));
      } else if (!CODE.matcher(change.code()).matches()) {
        errors.add(new FieldError("code", "must be 1-64 characters of a-z, 0-9, _ and -"));
      }
    }
    required(errors, "name", change.name(), MAX_NAME);
    required(errors, TemplateRenderer.SUBJECT, change.subject(), MAX_SUBJECT);
    if (change.htmlBody() == null) {
      errors.add(
          new FieldError(
              TemplateRenderer.HTML_BODY, "is required (may be empty when text_body is given)"));
    }
    if (change.textBody() == null) {
      errors.add(
          new FieldError(
              TemplateRenderer.TEXT_BODY, "is required (may be empty when html_body is given)"));
    }
    if (change.htmlBody() != null
        && change.textBody() != null
        && change.htmlBody().isBlank()
        && change.textBody().isBlank()) {
      errors.add(
          new FieldError(TemplateRenderer.TEXT_BODY, "html_body or text_body must have content"));
    }
    if (!errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
    renderer
        .check(new MailContent(change.subject(), change.htmlBody(), change.textBody()))
        .ifPresent(
            e -> {
              throw invalid(e);
            });
  }

  private static void required(List<FieldError> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
  }

  /**
   * 422 {@code validation_error} naming the part and the problem (for a limit: which one, e.g.
   * "range over 20,000,000 items exceeds the limit of 10,000").
   */
  static WaymarkException invalid(TemplateException e) {
    String part = e.part() == null ? "template" : e.part();
    return new WaymarkException(
        422,
        "validation_error",
        "Invalid template: " + part + ": " + e.getMessage(),
        null,
        List.of(new FieldError(part, e.getMessage())));
  }

  private static void apply(EmailTemplate t, TemplateChange change) {
    t.setName(change.name().strip());
    t.setSubject(change.subject());
    t.setHtmlBody(change.htmlBody());
    t.setTextBody(change.textBody());
  }

  Optional<EmailTemplate> byCode(String code) {
    return em.createQuery("select t from EmailTemplate t where t.code = :code", EmailTemplate.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  private EmailTemplate entity(String code) {
    return byCode(code).orElseThrow(() -> templateNotFound(code));
  }

  private static WaymarkException codeTaken(String code) {
    return WaymarkException.conflict("code_taken", "Template code '" + code + "' is already taken");
  }

  static TemplateView view(EmailTemplate t) {
    return new TemplateView(
        t.getId(),
        t.getCode(),
        t.getName(),
        t.getSubject(),
        t.getHtmlBody(),
        t.getTextBody(),
        t.getCreatedAt(),
        t.getUpdatedAt());
  }
}
