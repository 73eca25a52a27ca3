package io.waymark.it.users;

import static io.waymark.it.support.TestServer.ADMIN_EMAIL;
import static io.waymark.it.support.TestServer.ADMIN_PASSWORD;
import static io.waymark.it.support.TestServer.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Browser;
import io.waymark.it.support.Console;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The user page edits custom fields through the users store's rules (issue #17 item 2). */
class UserFieldsConsoleIT {

  @RegisterExtension final Console console = new Console();

  private static final String M =
      UUID.randomUUID().toString().replaceAll("[^a-z0-9]", "").substring(0, 8);

  @Test
  void anEditorSetsAndClearsCustomFieldsOnTheUserPage() {
    String plan = "cplan_" + M;
    String seats = "cseats_" + M;
    define(plan, "string");
    define(seats, "number");
    Api.Reply created =
        Api.bootstrap()
            .post("/api/v1/users", "{\"email\":\"cf-console-" + M + "@it.example.com\"}");
    long id = created.json().getJsonObject("user").getJsonNumber("id").longValue();
    assertThat(
            Api.bootstrap()
                .send("PATCH", "/api/v1/users/" + id, "{\"fields\":{\"" + plan + "\":\"pro\"}}")
                .status())
        .isEqualTo(200);

    Browser admin = console.browser();
    admin.open(BASE + "/admin/");
    admin.waiting().until(ExpectedConditions.urlContains("/login.xhtml"));
    admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    admin.open(BASE + "/admin/users/detail.xhtml?id=" + id);
    WebElement planField = field(admin, plan);
    assertThat(planField.getAttribute("value")).isEqualTo("pro");

    // a value of the wrong type: the store's error, per field, and nothing saved
    planField.clear();
    planField.sendKeys("enterprise");
    field(admin, seats).sendKeys("many");
    admin.driver().findElement(By.id("fields:save")).click();
    admin.text(By.id("messages"), "fields." + seats);
    assertThat(fields(id).getString(plan)).isEqualTo("pro");

    WebElement seatsField = field(admin, seats);
    seatsField.clear();
    seatsField.sendKeys("7");
    admin.driver().findElement(By.id("fields:save")).click();
    admin.text(By.id("messages"), "Custom fields saved.");
    JsonObject saved = fields(id);
    assertThat(saved.getString(plan)).isEqualTo("enterprise");
    assertThat(saved.getJsonNumber(seats).intValue()).isEqualTo(7);

    // empty clears (the page already says "saved" from the last save: wait for the store)
    planField = field(admin, plan);
    planField.clear();
    admin.driver().findElement(By.id("fields:save")).click();
    await().atMost(Duration.ofSeconds(30)).until(() -> !fields(id).containsKey(plan));
    admin.text(By.id("messages"), "Custom fields saved.");
    admin.screenshot("user-custom-fields");
  }

  private static void define(String code, String type) {
    assertThat(
            Api.bootstrap()
                .post(
                    "/api/v1/user-fields",
                    "{\"code\":\""
                        + code
                        + "\",\"label\":\"Field "
                        + code
                        + "\",\"type\":\""
                        + type
                        + "\"}")
                .status())
        .isEqualTo(201);
  }

  private static WebElement field(Browser browser, String code) {
    return browser.visible(By.cssSelector("input.wm-custom-field[data-code='" + code + "']"));
  }

  private static JsonObject fields(long id) {
    return Api.bootstrap()
        .get("/api/v1/users/" + id)
        .json()
        .getJsonObject("user")
        .getJsonObject("fields");
  }
}
