package io.waymark.platform.admin;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;

/**
 * Faces messages for the console: plain texts, and a boundary's validation errors with field
 * labels.
 */
public final class Messages {

  private Messages() {}

  public static void add(FacesMessage.Severity severity, String summary) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.addMessage(null, new FacesMessage(severity, summary, null));
    if (severity.compareTo(FacesMessage.SEVERITY_ERROR) >= 0) {
      context.validationFailed();
    }
  }

  public static void info(String summary) {
    add(FacesMessage.SEVERITY_INFO, summary);
  }

  public static void error(String summary) {
    add(FacesMessage.SEVERITY_ERROR, summary);
  }

  /**
   * One message per field error ({@code IP restrictions: '1.2.3' is not an IP address ...}), or the
   * exception's message when it has none. {@code labels} maps the boundary's field paths to what
   * the form calls them.
   */
  public static void error(WaymarkException e, Map<String, String> labels) {
    if (e.errors().isEmpty()) {
      error(e.getMessage());
      return;
    }
    for (FieldError field : e.errors()) {
      error(label(field.path(), labels) + ": " + field.message());
    }
  }

  private static String label(String path, Map<String, String> labels) {
    String base = path.replaceAll("\\[\\d+]$", "");
    return labels.getOrDefault(path, labels.getOrDefault(base, path));
  }
}
