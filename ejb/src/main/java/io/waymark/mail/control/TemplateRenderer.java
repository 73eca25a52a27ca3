package io.waymark.mail.control;

import io.waymark.platform.templates.TemplateException;
import io.waymark.platform.templates.TemplatePart;
import io.waymark.platform.templates.TemplateParts;
import io.waymark.platform.templates.Templates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Email templates as three parts on the platform's engine ({@link TemplateParts}): the HTML body is
 * auto-escaped, the subject and the text body are not (they are not HTML). Every render is limited
 * (output, loops, time: {@code waymark.templates.*}); an error names the part ({@link
 * TemplateException#part()}). Previews and the check at save run on the managed executor with a
 * deadline; sends render on the caller's thread (the outbox renders in the job's transaction) under
 * the same limits.
 */
@ApplicationScoped
public class TemplateRenderer {

  public static final String SUBJECT = "subject";
  public static final String HTML_BODY = "html_body";
  public static final String TEXT_BODY = "text_body";

  @Inject TemplateParts parts;

  TemplateRenderer() {}

  /** Outside a container (tests). */
  public TemplateRenderer(Templates templates) {
    this.parts = new TemplateParts(templates);
  }

  /**
   * The first part that does not parse or hits a limit without data; empty when it may be saved.
   */
  public Optional<TemplateException> check(MailContent source) {
    return parts.check(parts(source));
  }

  /**
   * Renders the three parts on this thread with {@code user} and the params as variables (the
   * params cannot replace {@code user}).
   */
  public MailContent render(
      MailContent source, Map<String, Object> user, Map<String, Object> params)
      throws TemplateException {
    return render(prepare(source), user, params);
  }

  /**
   * A template compiled once for many renders (a batch of mails); a part that does not compile
   * fails each of them, as it would alone.
   */
  public record Prepared(TemplateParts.Compiled compiled, TemplateException error) {}

  public Prepared prepare(MailContent source) {
    try {
      return new Prepared(parts.compile(parts(source)), null);
    } catch (TemplateException e) {
      return new Prepared(null, e);
    }
  }

  /** {@link #render} of a prepared template. */
  public MailContent render(Prepared template, Map<String, Object> user, Map<String, Object> params)
      throws TemplateException {
    if (template.error() != null) {
      throw template.error();
    }
    return mail(parts.render(template.compiled(), TemplateParts.variables(user, params)));
  }

  /** {@link #render} on the managed executor, cut off at the render timeout. */
  public MailContent preview(
      MailContent source, Map<String, Object> user, Map<String, Object> params)
      throws TemplateException {
    return mail(parts.preview(parts.compile(parts(source)), TemplateParts.variables(user, params)));
  }

  private static List<TemplatePart> parts(MailContent source) {
    return List.of(
        TemplatePart.text(SUBJECT, source.subject()),
        TemplatePart.html(HTML_BODY, source.html()),
        TemplatePart.text(TEXT_BODY, source.text()));
  }

  private static MailContent mail(Map<String, String> out) {
    // a subject is one line: line breaks a template produced would break the header
    return new MailContent(
        out.get(SUBJECT).strip().replaceAll("\\s*[\\r\\n]+\\s*", " "),
        out.get(HTML_BODY),
        out.get(TEXT_BODY));
  }
}
