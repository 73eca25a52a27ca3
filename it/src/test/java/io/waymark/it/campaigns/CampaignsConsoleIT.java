package io.waymark.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The campaign pages in headless Chromium against the real EAR: a campaign built in the console
 * (targeting a goal segment, schedule left open, a banner with a live preview) is what the banners
 * API then serves, and the banner goes away when the user completes the goal.
 */
class CampaignsConsoleIT {

  static final String BASE = System.getProperty("it.base-url", "http://127.0.0.1:28080");
  static final String ADMIN_EMAIL = System.getProperty("it.admin-email", "admin@it.waymark.test");
  static final String ADMIN_PASSWORD = System.getProperty("it.admin-password", "it-admin-Secret-1");
  private static final By MESSAGES = By.id("messages");

  private final List<Browser> browsers = new ArrayList<>();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void browserAvailable() {
    Browser.requireAvailable();
  }

  @AfterEach
  void closeBrowsers() {
    for (int i = 0; i < browsers.size(); i++) {
      browsers.get(i).screenshot("campaigns-" + i + "-last");
      browsers.get(i).close();
    }
  }

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

  private Browser signedIn() {
    Browser browser = Browser.signedIn(BASE, ADMIN_EMAIL, ADMIN_PASSWORD);
    browsers.add(browser);
    return browser;
  }
}
