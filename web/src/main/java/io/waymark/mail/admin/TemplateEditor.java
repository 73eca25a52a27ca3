package io.waymark.mail.admin;

import io.waymark.mail.boundary.EmailTemplates;
import io.waymark.mail.boundary.RenderedMail;
import io.waymark.mail.boundary.TemplateChange;
import io.waymark.mail.boundary.TemplateView;
import io.waymark.platform.admin.ConsoleUser;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.json.PlainJson;
import io.waymark.users.boundary.Users;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;

/**
 * Creating an email template ({@code template.xhtml} without {@code code}) or editing one ({@code
 * ?code=}): name, subject, HTML and text bodies, with a live preview rendered for a chosen user
 * (and optional parameters as JSON). The HTML preview runs in a sandboxed iframe without scripts.
 * Editors and admins save; viewers read.
 */
@Named
@ViewScoped
public class TemplateEditor implements Serializable {

  private static final long serialVersionUID = 1L;
  static final Map<String, String> LABELS =
      Map.of(
          "code",
          "Code",
          "name",
          "Name",
          "subject",
          "Subject",
          "html_body",
          "HTML body",
          "text_body",
          "Text body");

  @Inject EmailTemplates templates;

  @Inject Users users;

  @Inject ConsoleUser console;

  private String code;
  private boolean creating = true;
  private boolean missing;
  private String newCode;
  private String name;
  private String subject;
  private String htmlBody = "";
  private String textBody = "";
  private String previewUser;
  private String previewParams;
  private RenderedMail preview;
  private String previewProblem;

  public void load() {
    previewUser = console.getName();
    if (code == null || code.isBlank()) {
      return;
    }
    try {
      TemplateView t = templates.find(code.strip());
      creating = false;
      code = t.code();
      name = t.name();
      subject = t.subject();
      htmlBody = t.htmlBody();
      textBody = t.textBody();
      refreshPreview();
    } catch (WaymarkException e) {
      missing = true;
      Messages.error("Template '" + code + "' not found.");
    }
  }

  /**
   * Saves and reopens the template; stays on the form with one message per problem when something
   * is wrong.
   */
  public String save() {
    if (missing || !console.mayEdit()) {
      return null;
    }
    try {
      TemplateView saved =
          creating
              ? templates.create(
                  new TemplateChange(
                      newCode == null ? null : newCode.strip(),
                      name,
                      subject,
                      nz(htmlBody),
                      nz(textBody)))
              : templates.update(
                  code, new TemplateChange(null, name, subject, nz(htmlBody), nz(textBody)));
      Messages.info(creating ? "Template '" + saved.code() + "' created." : "Saved.");
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      return "/admin/mail/template.xhtml?faces-redirect=true&code=" + saved.code();
    } catch (WaymarkException e) {
      Messages.error(e, LABELS);
      return null;
    }
  }

  /**
   * Renders the sources as they are in the form for the preview user; problems are shown beside the
   * preview.
   */
  public void refreshPreview() {
    preview = null;
    previewProblem = null;
    if (subject == null || subject.isBlank()) {
      previewProblem = "Write a subject to see the preview.";
      return;
    }
    Optional<Long> user = previewUserId();
    if (user.isEmpty()) {
      previewProblem =
          "No user '"
              + (previewUser == null ? "" : previewUser.strip())
              + "': give a user's ID or email.";
      return;
    }
    Map<String, Object> params;
    try {
      params = params();
    } catch (JsonException | IllegalArgumentException e) {
      previewProblem =
          "Parameters must be a JSON object, e.g. {\"trigger\": {\"plan\": \"gold\"}}.";
      return;
    }
    try {
      preview = templates.preview(subject, nz(htmlBody), nz(textBody), user.get(), params);
    } catch (WaymarkException e) {
      previewProblem =
          e.errors().isEmpty()
              ? e.getMessage()
              : e.errors().stream()
                  .map(TemplateEditor::describe)
                  .reduce((a, b) -> a + "; " + b)
                  .orElse(e.getMessage());
    }
  }

  /**
   * The rendered HTML as the preview iframe's document (or the text part when there is no HTML
   * part).
   */
  public String getPreviewDocument() {
    if (preview == null) {
      return "";
    }
    if (!preview.html().isBlank()) {
      return preview.html();
    }
    return "<!doctype html><html><body><pre style=\"white-space:pre-wrap;font-family:sans-serif\">"
        + escape(preview.text())
        + "</pre></body></html>";
  }

  private Optional<Long> previewUserId() {
    String given = previewUser == null ? "" : previewUser.strip();
    if (given.isEmpty()) {
      return Optional.empty();
    }
    if (given.matches("\\d{1,18}")) {
      long id = Long.parseLong(given);
      return users.exists(id) ? Optional.of(id) : Optional.empty();
    }
    return users.idByEmail(given);
  }

  private Map<String, Object> params() {
    if (previewParams == null || previewParams.isBlank()) {
      return Map.of();
    }
    try (var reader = JsonSupport.JSON.createReader(new StringReader(previewParams))) {
      var value = reader.readValue();
      if (!(value instanceof JsonObject object)) {
        throw new IllegalArgumentException("not an object");
      }
      return PlainJson.map(object);
    }
  }

  private static String describe(FieldError e) {
    return LABELS.getOrDefault(e.path(), e.path()) + ": " + e.message();
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public boolean isCreating() {
    return creating;
  }

  public boolean isMissing() {
    return missing;
  }

  public String getNewCode() {
    return newCode;
  }

  public void setNewCode(String newCode) {
    this.newCode = newCode;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getHtmlBody() {
    return htmlBody;
  }

  public void setHtmlBody(String htmlBody) {
    this.htmlBody = htmlBody;
  }

  public String getTextBody() {
    return textBody;
  }

  public void setTextBody(String textBody) {
    this.textBody = textBody;
  }

  public String getPreviewUser() {
    return previewUser;
  }

  public void setPreviewUser(String previewUser) {
    this.previewUser = previewUser;
  }

  public String getPreviewParams() {
    return previewParams;
  }

  public void setPreviewParams(String previewParams) {
    this.previewParams = previewParams;
  }

  public RenderedMail getPreview() {
    return preview;
  }

  public String getPreviewProblem() {
    return previewProblem;
  }
}
