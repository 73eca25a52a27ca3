package io.waymark.it.campaigns;

import static io.waymark.it.support.TestServer.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Browser;
import io.waymark.it.support.Console;
import io.waymark.it.support.Goals;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The campaign pages in headless Chromium against the real EAR: a campaign built in the console
 * (targeting a goal segment, schedule left open, a banner with a live preview) is what the banners
 * API then serves, and the banner goes away when the user completes the goal.
 */
class CampaignsConsoleIT {

  @RegisterExtension final Console console = new Console();

  private static final By MESSAGES = By.id("messages");

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void campaignBuiltInTheConsoleIsServedAndFollowsGoalCompletion() {
    String goal = Goals.createSimple("banner");
    long user = Goals.user();
    assertThat(Goals.assign(goal, user, null).status()).isEqualTo(200);

    Browser admin = signedIn();
    admin.driver().findElement(By.cssSelector("a.wm-nav-campaigns")).click();
    admin.visible(By.id("campaigns"));
    admin.driver().findElement(By.id("new-campaign")).click();
    admin.visible(By.id("campaign:name"));

    // nothing filled in: the boundary's field errors, nothing created
    admin.driver().findElement(By.id("campaign:save")).click();
    admin.text(MESSAGES, "Name:");

    String name = "Finish onboarding " + run;
    String text = "Finish your setup " + run;
    admin.type(By.id("campaign:name"), name);
    new Select(admin.driver().findElement(By.id("campaign:status"))).selectByValue("active");
    admin
        .driver()
        .findElement(By.cssSelector("#campaign\\:include input[value='onboarding_" + goal + "']"))
        .click();
    admin.type(By.id("campaign:banners:0:banner-name"), "finish");
    admin.type(By.id("campaign:banners:0:text"), text);
    // the preview follows the text as it is typed (ajax), inside a script-less sandbox
    admin
        .waiting()
        .until(
            d ->
                String.valueOf(d.findElement(By.id("preview-frame-0")).getAttribute("srcdoc"))
                    .contains(text));
    assertThat(admin.driver().findElement(By.id("preview-frame-0")).getAttribute("sandbox"))
        .isEmpty();
    admin.driver().findElement(By.id("campaign:save")).click();
    admin.text(MESSAGES, "created");
    admin.waiting().until(ExpectedConditions.urlContains("id="));
    String id = admin.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");

    // the list shows it
    admin.open(BASE + "/admin/campaigns/list.xhtml");
    admin.visible(By.id("campaigns"));
    boolean listed = false;
    for (int page = 0; page < 50 && !listed; page++) {
      listed = admin.present(By.linkText(name));
      if (!listed && admin.present(By.id("next"))) {
        admin.driver().findElement(By.id("next")).click();
        admin.visible(By.id("campaigns"));
      } else if (!listed) {
        break;
      }
    }
    assertThat(listed).as("campaign listed").isTrue();

    // what the API serves is what was built, and it follows the goal in real time
    Api.Reply banners = Api.bootstrap().get("/api/v1/campaigns/banners?user_id=" + user);
    assertThat(banners.status()).isEqualTo(200);
    assertThat(banners.body()).contains(text).contains("\"campaign_id\":" + id);
    assertThat(Goals.complete(goal, user).status()).isEqualTo(200);
    assertThat(Api.bootstrap().get("/api/v1/campaigns/banners?user_id=" + user).body())
        .doesNotContain(text);

    // reopening shows the saved values
    admin.open(BASE + "/admin/campaigns/edit.xhtml?id=" + id);
    assertThat(admin.visible(By.id("campaign:name")).getAttribute("value")).isEqualTo(name);
    assertThat(admin.driver().findElement(By.id("campaign:banners:0:text")).getAttribute("value"))
        .isEqualTo(text);
    assertThat(
            admin
                .driver()
                .findElement(
                    By.cssSelector("#campaign\\:include input[value='onboarding_" + goal + "']"))
                .isSelected())
        .isTrue();
  }

  @Test
  void theBannerPreviewAndTheSavedBannerShowTheCleanedHtml() {
    Browser admin = signedIn();
    admin.open(BASE + "/admin/campaigns/edit.xhtml");
    admin.visible(By.id("campaign:name"));
    String name = "Clean banner " + run;
    admin.type(By.id("campaign:name"), name);
    admin.type(By.id("campaign:banners:0:banner-name"), "clean");
    admin.type(
        By.id("campaign:banners:0:html"),
        "<b>Bold "
            + run
            + "</b><img src=\"https://cdn.example.com/a.png\" onerror=\"alert(1)\" alt=\"a\">"
            + "<script>alert(2)</script>");

    // the preview shows what will be stored
    admin
        .waiting()
        .until(
            d ->
                String.valueOf(d.findElement(By.id("preview-frame-0")).getAttribute("srcdoc"))
                    .contains("<b>Bold " + run + "</b>"));
    String preview = admin.driver().findElement(By.id("preview-frame-0")).getAttribute("srcdoc");
    assertThat(preview)
        .contains("<img src=\"https://cdn.example.com/a.png\" alt=\"a\">")
        .doesNotContain("onerror")
        .doesNotContain("<script");

    admin.driver().findElement(By.id("campaign:save")).click();
    admin.text(MESSAGES, "created");
    admin.waiting().until(ExpectedConditions.urlContains("id="));
    String id = admin.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");
    String clean = "<b>Bold " + run + "</b><img src=\"https://cdn.example.com/a.png\" alt=\"a\">";
    assertThat(
            Api.bootstrap()
                .get("/api/v1/campaigns/" + id)
                .json()
                .getJsonObject("campaign")
                .getJsonArray("banners")
                .getJsonObject(0)
                .getString("html"))
        .isEqualTo(clean);
    // the reopened form holds the stored, cleaned HTML
    assertThat(admin.driver().findElement(By.id("campaign:banners:0:html")).getAttribute("value"))
        .isEqualTo(clean);
  }

  private Browser signedIn() {
    Browser browser = console.signedIn();
    return browser;
  }
}
