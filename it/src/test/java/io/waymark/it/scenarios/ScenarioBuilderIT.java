package io.waymark.it.scenarios;

import static io.waymark.it.support.TestServer.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Browser;
import io.waymark.it.support.Console;
import io.waymark.it.support.Goals;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The visual scenario builder in headless Chromium against the real EAR: a journey built by
 * clicking palette items and ports is stored as that graph (checked over the API), a validation
 * error is shown on its element, and the builder's document model passes its self-checks in the
 * browser.
 */
class ScenarioBuilderIT {

  @RegisterExtension final Console console = new Console();

  private static final By MESSAGES = By.id("messages");
  private static final By SAVE = By.id("builder:save");

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void journeyBuiltByClicksIsStoredAsThatGraph() {
    String goal = Goals.createSimple("journey");
    templateExists("done");
    templateExists("nudge");
    Browser admin = openBuilder();
    String name = "Welcome " + run;
    admin.type(By.id("builder:name"), name);

    String trigger = add(admin, "user_registered");
    String waitForGoal = add(admin, "goal");
    String done = add(admin, "email");
    String nudge = add(admin, "email");

    select(admin, waitForGoal);
    admin.type(By.id("sc-name"), "Wait for " + goal);
    new Select(admin.visible(By.id("sc-goal-codes"))).selectByValue(goal);
    admin.type(By.id("sc-recheck"), "5");
    admin.type(By.id("sc-timeout"), "15");
    configureEmail(admin, done, "Done", "done");
    configureEmail(admin, nudge, "Nudge", "nudge");

    connect(admin, trigger, "positive", waitForGoal);
    connect(admin, waitForGoal, "positive", done);
    connect(admin, waitForGoal, "negative", nudge);
    assertThat(admin.driver().findElements(By.cssSelector(".wm-sc-edge"))).hasSize(3);
    // nodes move by dragging; the position is the document's "visual"
    JsonObject placed = visual(admin).getJsonObject(nudge);
    WebElement nudgeName =
        admin.driver().findElement(node(nudge)).findElement(By.cssSelector(".wm-sc-node-name"));
    new Actions(admin.driver()).dragAndDropBy(nudgeName, 30, 80).perform();
    JsonObject visualBefore = visual(admin);
    assertThat(visualBefore.getJsonObject(nudge).getInt("x")).isEqualTo(placed.getInt("x") + 30);
    assertThat(visualBefore.getJsonObject(nudge).getInt("y")).isEqualTo(placed.getInt("y") + 80);
    admin.screenshot("scenario-builder-journey-built");

    admin.driver().findElement(SAVE).click();
    admin.text(MESSAGES, "created");
    admin.waiting().until(ExpectedConditions.urlContains("id="));
    String id = admin.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");

    Api.Reply info = Api.bootstrap().get("/api/v1/scenarios/info?id=" + id);
    assertThat(info.status()).isEqualTo(200);
    JsonObject doc = info.json();
    assertThat(doc.getString("name")).isEqualTo(name);
    assertThat(doc.getBoolean("enabled")).isFalse();
    JsonObject storedTrigger = doc.getJsonObject("triggers").getJsonObject(trigger);
    assertThat(storedTrigger.getJsonObject("event").getString("code")).isEqualTo("user_registered");
    assertThat(storedTrigger.getJsonArray("elements").getString(0)).isEqualTo(waitForGoal);
    assertThat(storedTrigger.getJsonArray("elements")).hasSize(1);
    JsonObject elements = doc.getJsonObject("elements");
    assertThat(elements.keySet()).containsExactlyInAnyOrder(waitForGoal, done, nudge);
    JsonObject goalOptions = elements.getJsonObject(waitForGoal).getJsonObject("goal");
    assertThat(goalOptions.getJsonArray("codes").getString(0)).isEqualTo(goal);
    assertThat(goalOptions.getInt("recheckPeriodMinutes")).isEqualTo(5);
    assertThat(goalOptions.getInt("timeoutMinutes")).isEqualTo(15);
    assertThat(
            goalOptions.getJsonArray("descendants").stream()
                .map(
                    d ->
                        d.asJsonObject().getString("uuid")
                            + "/"
                            + d.asJsonObject().getString("direction")))
        .containsExactlyInAnyOrder(done + "/positive", nudge + "/negative");
    assertThat(elements.getJsonObject(done).getString("name")).isEqualTo("Done");
    assertThat(elements.getJsonObject(done).getJsonObject("email").getString("template_code"))
        .isEqualTo("done");
    assertThat(elements.getJsonObject(nudge).getJsonObject("email").getString("template_code"))
        .isEqualTo("nudge");
    assertThat(doc.getJsonObject("visual").keySet()).contains(trigger, waitForGoal, done, nudge);
    assertThat(doc.getJsonObject("visual").getJsonObject(nudge))
        .isEqualTo(visualBefore.getJsonObject(nudge));

    // reopened, the builder draws the stored graph: the same nodes and edges
    admin.open(BASE + "/admin/scenarios/builder.xhtml?id=" + id);
    admin.visible(node(waitForGoal));
    assertThat(admin.driver().findElements(By.cssSelector(".wm-sc-node"))).hasSize(4);
    assertThat(admin.driver().findElements(By.cssSelector(".wm-sc-edge"))).hasSize(3);
    assertThat(admin.driver().findElement(By.id("builder:name")).getAttribute("value"))
        .isEqualTo(name);
    // the engine's figures per element (a disabled scenario: nobody waiting, nothing finished)
    assertThat(
            admin
                .driver()
                .findElement(node(waitForGoal))
                .findElement(By.cssSelector(".wm-sc-node-stats"))
                .getText())
        .contains("waiting 0")
        .contains("yes 0")
        .contains("no 0");
    assertThat(admin.driver().findElement(node(nudge)).getCssValue("top"))
        .isEqualTo(visualBefore.getJsonObject(nudge).getInt("y") + "px");
    admin.screenshot("scenario-builder-journey-reopened");
  }

  @Test
  void validationErrorIsShownOnTheElement() {
    Browser admin = openBuilder();
    admin.type(By.id("builder:name"), "No goal chosen " + run);
    String trigger = add(admin, "user_registered");
    String waitForGoal = add(admin, "goal");
    connect(admin, trigger, "positive", waitForGoal);

    admin.driver().findElement(SAVE).click();
    WebElement failed =
        admin.visible(
            By.cssSelector(".wm-sc-node.wm-sc-node-failed[data-node-uuid='" + waitForGoal + "']"));
    assertThat(failed.findElement(By.cssSelector(".wm-sc-node-error")).getText()).isNotBlank();
    admin.text(MESSAGES, "Element 'Goal'");
    assertThat(admin.driver().getCurrentUrl()).doesNotContain("id=");
    // the edited graph is still there to be fixed
    assertThat(admin.driver().findElements(By.cssSelector(".wm-sc-edge"))).hasSize(1);
    assertThat(
            admin.present(By.cssSelector(".wm-sc-node-failed[data-node-uuid='" + trigger + "']")))
        .isFalse();
  }

  @Test
  void viewerSeesTheGraphReadOnly() {
    String trigger = UUID.randomUUID().toString();
    String wait = UUID.randomUUID().toString();
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/scenarios/create",
                "{\"name\":\"Viewed "
                    + run
                    + "\",\"triggers\":{\""
                    + trigger
                    + "\":{\"id\":\""
                    + trigger
                    + "\",\"name\":\"Registered\",\"type\":\"event\",\"event\":{\"code\":"
                    + "\"user_registered\"},\"options\":{},\"elements\":[\""
                    + wait
                    + "\"]}},\"elements\":{\""
                    + wait
                    + "\":{\"id\":\""
                    + wait
                    + "\",\"name\":\"Wait a bit\",\"type\":\"wait\",\"wait\":{\"minutes\":5,\"descendants\":[]}}}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();
    String email = "scb-viewer-" + run + "@it.waymark.test";
    String password = "viewer-Secret-" + run;
    Browser viewer = console.signedInAsNewViewer(email, password);

    viewer.open(BASE + "/admin/scenarios/builder.xhtml?id=" + id);
    viewer.visible(node(wait));
    assertThat(viewer.driver().findElements(By.cssSelector(".wm-sc-edge"))).hasSize(1);
    assertThat(viewer.present(By.cssSelector(".wm-sc-palette [data-type]"))).isFalse();
    assertThat(viewer.present(SAVE)).isFalse();
    assertThat(viewer.driver().findElement(By.id("builder:name")).isEnabled()).isFalse();
    select(viewer, wait);
    assertThat(viewer.visible(By.id("sc-minutes")).isEnabled()).isFalse();
    assertThat(viewer.driver().findElement(By.id("sc-delete")).isEnabled()).isFalse();

    viewer.open(BASE + "/admin/scenarios/builder.xhtml");
    viewer.text(By.cssSelector(".wm-content"), "Only editors and admins create scenarios.");
    assertThat(viewer.present(SAVE)).isFalse();
  }

  @Test
  void documentModelPassesItsSelfChecksInTheBrowser() {
    Browser admin = signedIn();
    admin.open(BASE + "/admin/scenarios/builder-check.html");
    admin.text(By.id("summary"), "checks");
    assertThat(admin.driver().findElement(By.id("summary")).getText())
        .as(admin.driver().findElement(By.id("checks")).getText())
        .matches("all \\d+ checks passed");
  }

  // --- driving the builder

  @Test
  void journeyRulesAreEditedInThePanelAndKeptOnSave() {
    String start = Goals.createSimple("rules");
    String leave = Goals.createSimple("rules-leave");
    ScenarioGraphs s = ScenarioGraphs.scenario();
    s.trigger("goal_completed", start, s.element("wait", "{\"minutes\":60}"));
    s.exit("goal_completed", leave);
    s.enable();
    try {
      Browser admin = signedIn();
      admin.open(BASE + "/admin/scenarios/builder.xhtml?id=" + s.id());
      // with nothing selected the panel shows the journey's rules, as stored
      assertThat(
              new Select(admin.visible(By.id("sc-reentry")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("always");
      assertThat(
              new Select(admin.visible(By.id("sc-exit-0-code")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("goal_completed");
      assertThat(
              new Select(admin.visible(By.id("sc-exit-0-option")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo(leave);

      new Select(admin.visible(By.id("sc-reentry"))).selectByValue("after_days");
      admin.type(By.id("sc-reentry-days"), "14");
      admin.driver().findElement(By.id("sc-exit-add")).click();
      new Select(admin.visible(By.id("sc-exit-1-code"))).selectByValue("event_received");
      admin.type(By.id("sc-exit-1-option"), "unsubscribed-" + run);
      admin.screenshot("scenario-builder-journey-rules");
      admin.driver().findElement(SAVE).click();
      admin.text(MESSAGES, "Saved");

      JsonObject doc = Api.bootstrap().get("/api/v1/scenarios/info?id=" + s.id()).json();
      assertThat(doc.getJsonObject("reentry").toString())
          .isEqualTo("{\"mode\":\"after_days\",\"days\":14}");
      assertThat(doc.getJsonArray("exit")).hasSize(2);
      assertThat(doc.getJsonArray("exit").getJsonObject(0).getJsonObject("trigger").toString())
          .isEqualTo("{\"code\":\"goal_completed\",\"options\":{\"goal_code\":\"" + leave + "\"}}");
      assertThat(doc.getJsonArray("exit").getJsonObject(1).getJsonObject("trigger").toString())
          .isEqualTo(
              "{\"code\":\"event_received\",\"options\":{\"event_name\":\"unsubscribed-"
                  + run
                  + "\"}}");

      // removing the first exit and saving keeps the other
      admin.driver().findElement(By.id("sc-exit-0-remove")).click();
      admin.driver().findElement(SAVE).click();
      admin.text(MESSAGES, "Saved");
      doc = Api.bootstrap().get("/api/v1/scenarios/info?id=" + s.id()).json();
      assertThat(doc.getJsonArray("exit")).hasSize(1);
      assertThat(
              doc.getJsonArray("exit").getJsonObject(0).getJsonObject("trigger").getString("code"))
          .isEqualTo("event_received");
    } finally {
      s.delete();
    }
  }

  @Test
  void beforeEventTriggersAreOfferedConfiguredAndSaved() {
    String goal = Goals.createSimple("expiring-builder");
    String field = "renews_" + run;
    Api.Reply defined =
        Api.bootstrap()
            .post(
                "/api/v1/user-fields",
                "{\"code\":\"" + field + "\",\"label\":\"Renewal " + run + "\",\"type\":\"date\"}");
    assertThat(defined.status()).as(defined.body()).isIn(201, 409);
    ScenarioGraphs s = ScenarioGraphs.scenario();
    ScenarioGraphs.Element wait = s.element("wait", "{\"minutes\":60}");
    s.trigger("goal_completed", goal, wait);
    s.enable();
    try {
      Browser admin = signedIn();
      admin.open(BASE + "/admin/scenarios/builder.xhtml?id=" + s.id());
      // a date field is offered as its own dated event; exits stay event triggers
      admin.visible(By.cssSelector(".wm-sc-palette [data-type='field:" + field + "']"));
      admin.driver().findElement(By.id("sc-exit-add")).click();
      assertThat(
              new Select(admin.visible(By.id("sc-exit-0-code")))
                  .getOptions().stream().map(o -> o.getAttribute("value")).toList())
          .contains("goal_completed")
          .doesNotContain("goal_expires", "field:" + field);
      admin.driver().findElement(By.id("sc-exit-0-remove")).click();

      String trigger = add(admin, "goal_expires");
      admin.type(By.id("sc-trigger-minutes"), "30");
      new Select(admin.visible(By.id("sc-trigger-goal"))).selectByValue(goal);
      connect(admin, trigger, "positive", wait.uuid);
      assertThat(admin.driver().findElement(node(trigger)).getText()).contains("30 min before");
      admin.screenshot("scenario-builder-before-event");
      admin.driver().findElement(SAVE).click();
      admin.text(MESSAGES, "Saved");

      JsonObject saved =
          Api.bootstrap()
              .get("/api/v1/scenarios/info?id=" + s.id())
              .json()
              .getJsonObject("triggers")
              .getJsonObject(trigger);
      assertThat(saved.getString("type")).isEqualTo("before_event");
      assertThat(saved.getJsonObject("event").getString("code")).isEqualTo("goal_expires");
      assertThat(saved.getJsonObject("options").toString())
          .isEqualTo("{\"minutes\":30,\"goal_code\":\"" + goal + "\"}");
      assertThat(saved.getJsonArray("elements").getString(0)).isEqualTo(wait.uuid);
    } finally {
      s.delete();
    }
  }

  private Browser openBuilder() {
    Browser admin = signedIn();
    admin.open(BASE + "/admin/scenarios/builder.xhtml");
    admin.visible(By.cssSelector("[data-type='goal'].wm-sc-item"));
    return admin;
  }

  /** Clicks a palette item; answers the new node's uuid (the builder selects what it added). */
  private static String add(Browser admin, String type) {
    int before = admin.driver().findElements(By.cssSelector(".wm-sc-node")).size();
    admin.driver().findElement(By.cssSelector(".wm-sc-palette [data-type='" + type + "']")).click();
    admin.waiting().until(d -> d.findElements(By.cssSelector(".wm-sc-node")).size() == before + 1);
    return admin
        .driver()
        .findElement(By.cssSelector(".wm-sc-node.wm-sc-selected"))
        .getAttribute("data-node-uuid");
  }

  /** The node positions in the document the page will submit. */
  private static JsonObject visual(Browser admin) {
    String document = admin.driver().findElement(By.id("builder:document")).getAttribute("value");
    try (var reader = Json.createReader(new StringReader(document))) {
      return reader.readObject().getJsonObject("visual");
    }
  }

  private static By node(String uuid) {
    return By.cssSelector(".wm-sc-node[data-node-uuid='" + uuid + "']");
  }

  private static void select(Browser admin, String uuid) {
    admin.driver().findElement(node(uuid)).findElement(By.cssSelector(".wm-sc-node-name")).click();
    admin.visible(By.cssSelector(".wm-sc-node.wm-sc-selected[data-node-uuid='" + uuid + "']"));
  }

  /** Click-to-connect: the output port, then the target's input port. */
  private static void connect(Browser admin, String from, String port, String to) {
    int before = admin.driver().findElements(By.cssSelector(".wm-sc-edge")).size();
    admin
        .driver()
        .findElement(node(from))
        .findElement(By.cssSelector("[data-port='" + port + "']"))
        .click();
    admin.driver().findElement(node(to)).findElement(By.cssSelector("[data-port='input']")).click();
    admin.waiting().until(d -> d.findElements(By.cssSelector(".wm-sc-edge")).size() == before + 1);
  }

  private static void configureEmail(Browser admin, String uuid, String name, String template) {
    select(admin, uuid);
    admin.type(By.id("sc-name"), name);
    admin.type(By.id("sc-template"), template);
  }

  /**
   * Email templates are checked by the validation once the mail feature is there; 409: another test
   * made it.
   */
  private static void templateExists(String code) {
    Api.Reply reply =
        Api.bootstrap()
            .post(
                "/api/v1/email-templates",
                "{\"code\":\""
                    + code
                    + "\",\"name\":\""
                    + code
                    + "\",\"subject\":\""
                    + code
                    + "\",\"html_body\":\"<p>"
                    + code
                    + "</p>\",\"text_body\":\""
                    + code
                    + "\"}");
    assertThat(reply.status()).as(reply.body()).isIn(201, 404, 409);
  }

  private Browser signedIn() {
    Browser browser = console.signedIn();
    return browser;
  }
}
