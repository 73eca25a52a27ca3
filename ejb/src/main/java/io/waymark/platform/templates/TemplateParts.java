package io.waymark.platform.templates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Templates of named parts on the one engine ({@link Templates}) — what mail, SMS and letters have
 * in common: the check at save (every part parses, and renders without data within the limits), the
 * send (on the caller's thread), and the sandboxed preview (on the managed executor, cut off at the
 * render timeout). Every error names its part ({@link TemplateException#part()}).
 */
@ApplicationScoped
public class TemplateParts {

  /** What a template sees at save, when no user is known: a trial render for the limits. */
  private static final Map<String, Object> NO_DATA = Map.of("user", Map.of());

  @Inject Templates templates;

  TemplateParts() {}

  /** Outside a container (tests). */
  public TemplateParts(Templates templates) {
    this.templates = templates;
  }

  /** The parts compiled, in order. */
  public record Compiled(List<String> names, List<CompiledTemplate> templates) {}

  public Compiled compile(List<TemplatePart> parts) throws TemplateException {
    List<String> names = new ArrayList<>();
    List<CompiledTemplate> compiled = new ArrayList<>();
    for (TemplatePart part : parts) {
      try {
        compiled.add(templates.compile(part.source(), part.escaping()));
      } catch (TemplateException e) {
        throw e.in(part.name());
      }
      names.add(part.name());
    }
    return new Compiled(List.copyOf(names), List.copyOf(compiled));
  }

  /**
   * The first part that does not parse, or that hits a limit even without data (a literal {@code
   * range(1, 20000000)}, a loop printing too much); empty when the template may be saved. Errors
   * that depend on the data (a division by a missing number) are left to the render.
   */
  public Optional<TemplateException> check(List<TemplatePart> parts) {
    try {
      Compiled compiled = compile(parts);
      AtomicReference<String> part = new AtomicReference<>(compiled.names().get(0));
      try {
        templates.withDeadline(
            deadline -> {
              for (int i = 0; i < compiled.names().size(); i++) {
                part.set(compiled.names().get(i));
                try {
                  templates.render(compiled.templates().get(i), NO_DATA, deadline);
                } catch (TemplateException e) {
                  if (e.isLimit()) {
                    throw e;
                  }
                  // fails without data, may well render with it: the render decides
                }
              }
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

  /** Renders every part on this thread (a send), part name → output. */
  public Map<String, String> render(Compiled compiled, Map<String, Object> variables)
      throws TemplateException {
    return render(compiled, variables, Deadline.after(templates.limits().renderTimeout()), null);
  }

  /** {@link #render} on the managed executor, cut off at the render timeout (a preview). */
  public Map<String, String> preview(Compiled compiled, Map<String, Object> variables)
      throws TemplateException {
    AtomicReference<String> part = new AtomicReference<>(compiled.names().get(0));
    try {
      return templates.withDeadline(deadline -> render(compiled, variables, deadline, part));
    } catch (TemplateException e) {
      throw e.in(part.get());
    }
  }

  private Map<String, String> render(
      Compiled compiled,
      Map<String, Object> variables,
      Deadline deadline,
      AtomicReference<String> rendering)
      throws TemplateException {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < compiled.names().size(); i++) {
      String name = compiled.names().get(i);
      if (rendering != null) {
        rendering.set(name);
      }
      try {
        out.put(name, templates.render(compiled.templates().get(i), variables, deadline));
      } catch (TemplateException e) {
        throw e.in(name);
      }
    }
    return out;
  }

  /** Variables for a template: the params, then {@code user} (which the params cannot replace). */
  public static Map<String, Object> variables(
      Map<String, Object> user, Map<String, Object> params) {
    Map<String, Object> variables = new LinkedHashMap<>(params == null ? Map.of() : params);
    variables.put("user", user);
    return variables;
  }
}
