package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Browser;
import io.waymark.it.support.Console;
import io.waymark.it.support.Db;
import io.waymark.it.support.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The scenario list in headless Chromium: enable, duplicate, delete and restore a scenario from its
 * row.
 */
class ScenariosConsoleIT {

  @RegisterExtension final Console console = new Console();

  private static final By MESSAGES = By.id("messages");
  private Browser admin;

  private static By row(String name) {
    return By.xpath("//tr[.//a[@class='wm-scenario-link' and text()='" + name + "']]");
  }

  private void click(String name, String action) {
    admin.visible(row(name)).findElement(By.cssSelector("button.wm-" + action)).click();
  }

  @Test
  void rowActionsChangeTheScenario() {
    String name = "Console " + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created = ScenarioDocs.create(ScenarioDocs.doc(name, "", "", ""));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();

    admin = console.signedIn();
    admin.driver().findElement(By.cssSelector("a.wm-nav-scenarios")).click();
    assertThat(
            admin
                .visible(row(name))
                .findElement(By.cssSelector("a.wm-scenario-link"))
                .getAttribute("href"))
        .endsWith("/admin/scenarios/builder.xhtml?id=" + id);
    assertThat(
            admin
                .driver()
                .findElement(By.xpath("//*[@id='new-scenario']/descendant-or-self::a"))
                .getAttribute("href"))
        .endsWith("/admin/scenarios/builder.xhtml");
    admin.textIs(
        By.xpath("//tr[.//a[text()='" + name + "']]//span[contains(@class,'wm-scenario-state')]"),
        "disabled");

    click(name, "enable");
    admin.text(MESSAGES, "Scenario " + id + " enabled.");
    admin.textIs(
        By.xpath("//tr[.//a[text()='" + name + "']]//span[contains(@class,'wm-scenario-state')]"),
        "enabled");
    assertThat(Api.bootstrap().get("/api/v1/scenarios/info?id=" + id).json().getBoolean("enabled"))
        .isTrue();

    click(name, "duplicate");
    admin.text(MESSAGES, "duplicated");
    admin.visible(row(name + " (copy)"));

    click(name, "delete");
    admin.waiting().until(ExpectedConditions.alertIsPresent()).accept();
    admin.text(MESSAGES, "Scenario " + id + " deleted.");
    assertThat(admin.present(row(name))).isFalse();

    admin.driver().findElement(By.id("filter-deleted")).click();
    click(name, "restore");
    admin.text(MESSAGES, "Scenario " + id + " restored");
    assertThat(Api.bootstrap().get("/api/v1/scenarios/info?id=" + id).json().isNull("deleted_at"))
        .isTrue();
  }

  @Test
  void theListPagesPastItsFirstFifty() {
    // more than a page of scenarios (other tests' count too): the list must offer the next page
    long existing =
        ((Number) Db.single("select count(*) from scenarios where deleted_at is null")).longValue();
    for (long i = existing; i <= 51; i++) {
      Api.Reply created =
          ScenarioDocs.create(ScenarioDocs.doc("Paging " + UUID.randomUUID(), "", "", ""));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
    admin = console.signedIn();
    admin.open(TestServer.BASE + "/admin/scenarios/list.xhtml");
    assertThat(admin.driver().findElements(By.cssSelector("a.wm-scenario-link"))).hasSize(50);
    admin.driver().findElement(By.id("next")).click();
    admin.waiting().until(ExpectedConditions.urlContains("after="));
    assertThat(admin.visible(By.cssSelector("a.wm-scenario-link")).isDisplayed()).isTrue();
  }
}
