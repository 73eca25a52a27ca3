package io.waymark.mail.api;

import io.waymark.mail.boundary.RenderedMail;
import io.waymark.mail.boundary.TemplateView;
import io.waymark.platform.api.Json;

/** The email-template JSON of the API. */
final class TemplateJson {

  private TemplateJson() {}

  static Json.Obj template(TemplateView t) {
    return Json.object()
        .put("code", t.code())
        .put("name", t.name())
        .put("subject", t.subject())
        .put("html_body", t.htmlBody())
        .put("text_body", t.textBody())
        .put("created_at", t.createdAt())
        .put("updated_at", t.updatedAt());
  }

  static Json.Obj rendered(RenderedMail m) {
    return Json.object()
        .put("recipient", m.recipient())
        .put("subject", m.subject())
        .put("html", m.html())
        .put("text", m.text());
  }
}
