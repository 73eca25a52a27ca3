package io.waymark.mail.control;

import io.waymark.platform.templates.CompiledTemplate;
import io.waymark.platform.templates.Deadline;
import io.waymark.platform.templates.Escaping;
import io.waymark.platform.templates.TemplateException;
import io.waymark.platform.templates.Templates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Email templates on the platform's engine ({@link Templates}): the HTML body is auto-escaped, the
 * subject and the text body are not (they are not HTML). Every render is limited (output, loops,
 * time: {@code waymark.templates.*}); an error names the part ({@link TemplateException#part()}).
 * Previews and the check at save run on the managed executor with a deadline; sends render on the
 * caller's thread (the outbox renders in the job's transaction) under the same limits.
 */
@ApplicationScoped
public class TemplateRenderer {

  public static final String SUBJECT = "subject";
  public static final String HTML_BODY = "html_body";
  public static final String TEXT_BODY = "text_body";

  /** What a template sees at save, when no user is known: a trial render for the limits. */
  private static final Map<String, Object> NO_DATA = Map.of("user", Map.of());

  @Inject Templates templates;

  TemplateRenderer() {}

  /** Outside a container (tests). */
  public TemplateRenderer(Templates templates) {
    this.templates = templates;
  }

  /**
   * The first part that does not parse, or that hits a limit even without data (a literal {@code
   * range(1, 20000000)}, a loop printing too much); empty when the template may be saved. Errors
   * that depend on the data (a division by a missing number) are left to the render.
   */
  public Optional<TemplateException> check(MailContent source) {
    try {
      Compiled compiled = compile(source);
      AtomicReference<String> part = new AtomicReference<>(SUBJECT);
      try {
        templates.withDeadline(
            deadline -> {
              trial(part, SUBJECT, compiled.subject(), deadline);
              trial(part, HTML_BODY, compiled.html(), deadline);
              trial(part, TEXT_BODY, compiled.text(), deadline);
              return null;
            });
      } catch (TemplateException e) {
        return Optional.of(e.in(part.get()));
      }
      return Optional.empty();
    } catch (TemplateException e) {
      return Optional.of(e);
    }
  }

  /**
   * Renders the three parts on this thread with {@code user} and the params as variables (the
   * params cannot replace {@code user}).
   */
  public MailContent render(
      MailContent source, Map<String, Object> user, Map<String, Object> params)
      throws TemplateException {
    return render(compile(source), context(user, params), Deadline.after(timeout()), null);
  }

  /** {@link #render} on the managed executor, cut off at the render timeout. */
  public MailContent preview(
      MailContent source, Map<String, Object> user, Map<String, Object> params)
      throws TemplateException {
    Compiled compiled = compile(source);
    Map<String, Object> context = context(user, params);
    AtomicReference<String> part = new AtomicReference<>(SUBJECT);
    try {
      return templates.withDeadline(deadline -> render(compiled, context, deadline, part));
    } catch (TemplateException e) {
      throw e.in(part.get());
    }
  }

  private record Compiled(CompiledTemplate subject, CompiledTemplate html, CompiledTemplate text) {}

  private Compiled compile(MailContent source) throws TemplateException {
    return new Compiled(
        compile(SUBJECT, source.subject(), Escaping.NONE),
        compile(HTML_BODY, source.html(), Escaping.HTML),
        compile(TEXT_BODY, source.text(), Escaping.NONE));
  }

  private CompiledTemplate compile(String part, String source, Escaping escaping)
      throws TemplateException {
    try {
      return templates.compile(source, escaping);
    } catch (TemplateException e) {
      throw e.in(part);
    }
  }

  private MailContent render(
      Compiled compiled,
      Map<String, Object> context,
      Deadline deadline,
      AtomicReference<String> rendering)
      throws TemplateException {
    String subject = part(SUBJECT, compiled.subject(), context, deadline, rendering);
    String html = part(HTML_BODY, compiled.html(), context, deadline, rendering);
    String text = part(TEXT_BODY, compiled.text(), context, deadline, rendering);
    // a subject is one line: line breaks a template produced would break the header
    return new MailContent(subject.strip().replaceAll("\\s*[\\r\\n]+\\s*", " "), html, text);
  }

  private String part(
      String part,
      CompiledTemplate template,
      Map<String, Object> context,
      Deadline deadline,
      AtomicReference<String> rendering)
      throws TemplateException {
    if (rendering != null) {
      rendering.set(part);
    }
    try {
      return templates.render(template, context, deadline);
    } catch (TemplateException e) {
      throw e.in(part);
    }
  }

  private void trial(
      AtomicReference<String> rendering, String part, CompiledTemplate template, Deadline deadline)
      throws TemplateException {
    try {
      part(part, template, NO_DATA, deadline, rendering);
    } catch (TemplateException e) {
      if (e.isLimit()) {
        throw e;
      }
      // fails without data, may well render with it: the render decides
    }
  }

  private java.time.Duration timeout() {
    return templates.limits().renderTimeout();
  }

  private static Map<String, Object> context(Map<String, Object> user, Map<String, Object> params) {
    Map<String, Object> context = new LinkedHashMap<>(params == null ? Map.of() : params);
    context.put("user", user);
    return context;
  }
}
