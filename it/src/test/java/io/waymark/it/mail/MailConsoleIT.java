package io.waymark.it.mail;

import static io.waymark.it.support.TestServer.ADMIN_EMAIL;
import static io.waymark.it.support.TestServer.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Browser;
import io.waymark.it.support.Console;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The mail pages in headless Chromium: a template written in the console shows its live preview for
 * the signed-in admin (escaped HTML in a script-less sandbox), a syntax error is named, and the
 * saved template is what the API reads.
 */
class MailConsoleIT {

  @RegisterExtension final Console console = new Console();

  private static final By MESSAGES = By.id("messages");

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aTemplateWrittenInTheConsoleIsPreviewedAndSaved() {
    Browser admin = console.signedIn();
    admin.driver().findElement(By.cssSelector("a.wm-nav-mail")).click();
    admin.visible(By.id("templates"));
    admin.driver().findElement(By.id("new-template")).click();
    admin.visible(By.id("template:code"));

    String code = "console-" + run;
    admin.type(By.id("template:code"), code);
    admin.type(By.id("template:name"), "Console " + run);
    admin.type(By.id("template:subject"), "Hello {{ user.email }}");
    admin.type(By.id("template:html"), "<p>{{ trigger.plan }} plan</p>");
    admin.type(By.id("template:preview-params"), "{\"trigger\": {\"plan\": \"<gold>\"}}");
    admin.driver().findElement(By.id("template:refresh-preview")).click();

    // rendered for the signed-in admin; the HTML escaped, shown in a sandbox without scripts
    admin.text(By.id("template:preview-subject"), "Hello " + ADMIN_EMAIL);
    admin
        .waiting()
        .until(
            d ->
                String.valueOf(d.findElement(By.id("preview-frame")).getAttribute("srcdoc"))
                    .contains("<p>&lt;gold&gt; plan</p>"));
    assertThat(admin.driver().findElement(By.id("preview-frame")).getAttribute("sandbox"))
        .isEmpty();

    // a syntax error is named beside the preview
    admin.type(By.id("template:text"), "{% if user.id %}never closed");
    admin.driver().findElement(By.id("template:refresh-preview")).click();
    admin.text(By.id("template:preview-problem"), "Text body:");
    admin.driver().findElement(By.id("template:save")).click();
    admin.text(MESSAGES, "Text body:");

    admin.type(By.id("template:text"), "Plan {{ trigger.plan }}");
    admin.driver().findElement(By.id("template:refresh-preview")).click();
    admin.text(By.id("preview-text"), "Plan <gold>");
    admin.driver().findElement(By.id("template:save")).click();
    // saved: the editor reopens on the template (the "created" flash message can be taken by a
    // preview request
    // still in flight from the typing, so the URL and the API are what is checked)
    admin.waiting().until(ExpectedConditions.urlContains("code=" + code));
    admin.text(By.id("template:code-field"), code);

    Api.Reply saved = Api.bootstrap().get("/api/v1/email-templates/" + code);
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().getJsonObject("template").getString("html_body"))
        .isEqualTo("<p>{{ trigger.plan }} plan</p>");
    assertThat(saved.json().getJsonObject("template").getString("text_body"))
        .isEqualTo("Plan {{ trigger.plan }}");

    // the outbox page opens
    admin.open(BASE + "/admin/mail/outbox.xhtml");
    admin.visible(By.id("outbox"));
  }
}
