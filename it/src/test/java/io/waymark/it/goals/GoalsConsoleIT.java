package io.waymark.it.goals;

import static io.waymark.it.support.TestServer.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Browser;
import io.waymark.it.support.Console;
import io.waymark.it.support.ConsoleForms;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The goals pages in headless Chromium against the real EAR: an event goal with typed property
 * filters created and edited in the console, its figures on the list and on its page after
 * completions at known times, a user's goal rows on the user's page, and what viewers may not do.
 */
class GoalsConsoleIT {

  @RegisterExtension final Console console = new Console();

  private static final By MESSAGES = By.id("messages");

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void eventGoalCreatedAndEditedInTheConsoleShowsItsFigures() {
    Browser admin = console.signedIn();
    admin.driver().findElement(By.cssSelector("a.wm-nav-goals")).click();
    admin.visible(By.id("goals"));
    admin.driver().findElement(By.id("new-goal")).click();
    admin.visible(By.id("goal:code"));

    // nothing filled in: the boundary's field errors, nothing created
    admin.driver().findElement(By.id("goal:save")).click();
    admin.text(MESSAGES, "Code: is required");
    admin.text(MESSAGES, "Name: is required");

    String code = "console-" + run;
    String event = "plan_chosen_" + run;
    admin.type(By.id("goal:code"), code);
    admin.type(By.id("goal:name"), "Chooses a paid plan");
    radio(admin, "goal:type", "event");
    admin.type(By.id("goal:event-name"), event);
    filter(admin, 0, "plan", "string", "pro");
    admin.driver().findElement(By.id("goal:add-filter")).click();
    admin.visible(By.id("goal:filters:1:key"));
    filter(admin, 1, "seats", "number", "five");
    admin.driver().findElement(By.id("goal:add-filter")).click();
    admin.visible(By.id("goal:filters:2:key"));
    filter(admin, 2, "trial", "boolean", "false");
    admin.driver().findElement(By.id("goal:save")).click();
    admin.text(MESSAGES, "Filter 'seats': 'five' is not a number");
    assertThat(Api.bootstrap().get("/api/v1/onboarding-goals/" + code).status()).isEqualTo(404);

    admin.type(By.id("goal:filters:1:value"), "5");
    admin.screenshot("goals-create-form");
    admin.driver().findElement(By.id("goal:save")).click();
    admin.text(MESSAGES, "Goal '" + code + "' created.");
    admin.textIs(By.id("code"), code);
    admin.textIs(By.id("type"), "event");
    admin.textIs(By.id("event-name"), event);
    assertThat(admin.driver().findElement(By.id("filters")).getText())
        .contains("plan = \"pro\"", "seats = 5", "trial = false");
    // stored typed, as the API shows it
    JsonObject properties =
        Api.bootstrap()
            .get("/api/v1/onboarding-goals/" + code)
            .json()
            .getJsonObject("goal")
            .getJsonObject("event")
            .getJsonObject("properties");
    assertThat(properties.toString()).isEqualTo("{\"plan\":\"pro\",\"seats\":5,\"trial\":false}");

    // the code is taken now: a second goal with it is refused with the boundary's message
    admin.open(BASE + "/admin/goals/edit.xhtml");
    admin.type(By.id("goal:code"), code);
    admin.type(By.id("goal:name"), "Duplicate");
    admin.driver().findElement(By.id("goal:save")).click();
    admin.text(MESSAGES, "Goal code '" + code + "' is already taken");

    // edit: the code is fixed, the name changes
    admin.open(BASE + "/admin/goals/detail.xhtml?code=" + code);
    admin.driver().findElement(By.id("edit")).click();
    admin.textIs(By.id("goal:code-fixed"), code);
    assertThat(admin.present(By.id("goal:code"))).isFalse();
    admin.type(By.id("goal:name"), "Chose a paid plan");
    admin.driver().findElement(By.id("goal:save")).click();
    admin.text(MESSAGES, "Saved.");
    admin.textIs(By.id("name"), "Chose a paid plan");
    assertThat(
            Api.bootstrap()
                .get("/api/v1/onboarding-goals/" + code)
                .json()
                .getJsonObject("goal")
                .getString("name"))
        .isEqualTo("Chose a paid plan");

    // history: user 1 completes it by a tracked event matching the filters made in the console; a
    // near miss
    // ("5" is a string, not the number 5) leaves user 9 active
    LocalDate before = LocalDate.now(ZoneOffset.UTC);
    GoalStatsFixture fixture =
        GoalStatsFixture.populate(
            code,
            user -> {
              Api.Reply tracked =
                  Api.bootstrap()
                      .post(
                          "/api/v1/events",
                          "{\"user_id\":"
                              + user
                              + ",\"name\":\""
                              + event
                              + "\",\"properties\":{\"plan\":\"pro\",\"seats\":5,\"trial\":false,\"source\":\"web\"}}");
              assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
            });
    Api.Reply nearMiss =
        Api.bootstrap()
            .post(
                "/api/v1/events",
                "{\"user_id\":"
                    + fixture.users.get(8)
                    + ",\"name\":\""
                    + event
                    + "\",\"properties\":{\"plan\":\"pro\",\"seats\":\"5\",\"trial\":false}}");
    assertThat(nearMiss.status()).isEqualTo(200);
    assertThat(Goals.rows(code, fixture.users.get(8))).containsExactly(List.of(false, false));

    // the list, found by search (other tests make many goals)
    admin.open(BASE + "/admin/goals/list.xhtml");
    admin.type(By.id("search-q"), code.toUpperCase());
    admin.driver().findElement(By.id("search-submit")).click();
    admin
        .waiting()
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("a.wm-goal-link"), 1));
    WebElement row = admin.driver().findElement(By.cssSelector("tr.wm-goal-row"));
    assertThat(cell(row, "wm-goal-link")).isEqualTo(code);
    assertThat(cell(row, "wm-goal-name")).isEqualTo("Chose a paid plan");
    assertThat(cell(row, "wm-goal-type")).isEqualTo("event");
    assertThat(cell(row, "wm-completed-24h"))
        .isEqualTo(String.valueOf(GoalStatsFixture.COMPLETED_24H));
    assertThat(cell(row, "wm-completed-7d"))
        .isEqualTo(String.valueOf(GoalStatsFixture.COMPLETED_7D));
    assertThat(cell(row, "wm-completed-31d"))
        .isEqualTo(String.valueOf(GoalStatsFixture.COMPLETED_31D));
    assertThat(cell(row, "wm-active")).isEqualTo(String.valueOf(GoalStatsFixture.ACTIVE));
    admin.screenshot("goals-list");

    // the goal's page: counters, rate, the chart's data, the time-to-complete buckets
    admin.driver().findElement(By.linkText(code)).click();
    admin.textIs(By.id("completed-24h"), "2");
    admin.textIs(By.id("completed-7d"), "4");
    admin.textIs(By.id("completed-31d"), "7");
    admin.textIs(By.id("active"), "1");
    admin.textIs(By.id("completion-rate"), "80 %");
    admin.textIs(By.id("completion-users"), "8 of 10 users");
    GoalStatsFixture.TIME_TO_COMPLETE.forEach(
        (bucket, count) ->
            assertThat(
                    admin
                        .driver()
                        .findElement(By.cssSelector("[id='ttc-" + bucket + "']"))
                        .getText())
                .as(bucket)
                .isEqualTo(count.toString()));
    assertThat(chartData(admin)).isEqualTo(fixture.expectedPerDay(chartToday(before)));
    admin.screenshot("goals-detail");
    ((JavascriptExecutor) admin.driver())
        .executeScript("document.getElementById('time-to-complete').scrollIntoView()");
    admin.screenshot("goals-detail-chart-and-time-to-complete");

    // a user's page lists their goal rows newest first: user 2 completed after an earlier row timed
    // out
    admin.open(BASE + "/admin/users/detail.xhtml?id=" + fixture.users.get(1));
    admin.visible(By.id("goals"));
    assertThat(texts(admin, "wm-user-goal-code")).containsExactly(code, code);
    assertThat(texts(admin, "wm-user-goal-state")).containsExactly("completed", "timed out");
    ((JavascriptExecutor) admin.driver())
        .executeScript("document.getElementById('goals').scrollIntoView()");
    admin.screenshot("goals-user-page");
    assertThat(admin.present(By.id("goals-older"))).isFalse();
    admin.driver().findElement(By.cssSelector("a.wm-user-goal-code")).click();
    admin.textIs(By.id("code"), code);
  }

  @Test
  void userPageShowsGoalRowsFiftyAtATime() {
    String code = Goals.createSimple("history");
    long user = Goals.user();
    // 55 finished rows, written directly: ids ascend with time, the newest is completed
    Db.update(
        "insert into user_onboarding_goals (user_id, onboarding_goal_id, created_at, updated_at, timedout_at, completed_at)"
            + " select ?, g.id, now() - (60 - i) * interval '1 day', now(), case when i < 55 then now() end, case when i = 55 then now() end"
            + " from onboarding_goals g, generate_series(1, 55) i where g.code = ? order by i",
        user,
        code);
    Browser admin = console.signedIn();
    admin.open(BASE + "/admin/users/detail.xhtml?id=" + user);
    admin.visible(By.id("goals"));
    List<String> states = texts(admin, "wm-user-goal-state");
    assertThat(states).hasSize(50).first().isEqualTo("completed");
    assertThat(states.subList(1, 50)).containsOnly("timed out");
    assertThat(admin.present(By.id("goals-newest"))).isFalse();
    admin.driver().findElement(By.id("goals-older")).click();
    admin.waiting().until(d -> texts(admin, "wm-user-goal-state").size() == 5);
    assertThat(admin.present(By.id("goals-older"))).isFalse();
    admin.driver().findElement(By.id("goals-newest")).click();
    admin.waiting().until(d -> texts(admin, "wm-user-goal-state").size() == 50);
  }

  @Test
  void viewerSeesGoalsReadOnlyAndForgedPostsChangeNothing() throws Exception {
    String code = Goals.createSimple("viewer");
    String email = "goals-viewer-" + run + "@it.waymark.test";
    String password = "viewer-Secret-" + run;
    Browser viewer = console.signedInAsNewViewer(email, password);
    viewer.open(BASE + "/admin/goals/list.xhtml?q=" + code);
    viewer
        .waiting()
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("a.wm-goal-link"), 1));
    assertThat(viewer.present(By.id("new-goal"))).isFalse();
    viewer.driver().findElement(By.linkText(code)).click();
    viewer.textIs(By.id("code"), code);
    assertThat(viewer.present(By.id("edit"))).isFalse();
    viewer.open(BASE + "/admin/goals/edit.xhtml?code=" + code);
    assertThat(viewer.visible(By.id("goal:name")).isEnabled()).isFalse();
    assertThat(viewer.present(By.id("goal:save"))).isFalse();
    viewer.open(BASE + "/admin/goals/edit.xhtml");
    viewer.visible(By.id("current-user"));
    assertThat(viewer.present(By.id("goal"))).isFalse();
    assertThat(viewer.present(By.id("goal:save"))).isFalse();
    viewer.screenshot("goals-viewer-new");

    // hand-made POSTs of the forms an editor would see: the viewer's views have no such form,
    // nothing changes
    String cookie =
        "JSESSIONID=" + viewer.driver().manage().getCookieNamed("JSESSIONID").getValue();
    String editPage =
        "/admin/goals/edit.xhtml?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    ConsoleForms.submit(
        "goal",
        "save",
        editPage,
        cookie,
        Map.of("goal:name", "Forged by a viewer", "goal:type", "simple"));
    assertThat(
            Api.bootstrap()
                .get("/api/v1/onboarding-goals/" + code)
                .json()
                .getJsonObject("goal")
                .getString("name"))
        .isEqualTo("Goal " + code);
    String forged = "forged-" + run;
    ConsoleForms.submit(
        "goal",
        "save",
        "/admin/goals/edit.xhtml",
        cookie,
        Map.of("goal:code", forged, "goal:name", "Forged", "goal:type", "simple"));
    assertThat(Api.bootstrap().get("/api/v1/onboarding-goals/" + forged).status()).isEqualTo(404);
  }

  // --- browser steps

  /** Picks a PrimeFaces radio button by clicking its label, as a user would. */
  private static void radio(Browser browser, String group, String value) {
    WebElement input =
        browser
            .driver()
            .findElement(By.cssSelector("input[name='" + group + "'][value='" + value + "']"));
    browser
        .driver()
        .findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"))
        .click();
    browser.waiting().until(d -> input.isSelected());
  }

  private static void filter(Browser browser, int row, String key, String type, String value) {
    String prefix = "goal:filters:" + row + ":";
    browser.type(By.id(prefix + "key"), key);
    new Select(browser.driver().findElement(By.id(prefix + "value-type"))).selectByValue(type);
    browser.type(By.id(prefix + "value"), value);
  }

  private static String cell(WebElement row, String styleClass) {
    return row.findElement(By.className(styleClass)).getText();
  }

  private static List<String> texts(Browser browser, String styleClass) {
    return browser.driver().findElements(By.className(styleClass)).stream()
        .map(WebElement::getText)
        .toList();
  }

  /**
   * The numbers Chart.js draws in the per-day chart (it has drawn them: the chart object exists on
   * the canvas).
   */
  private static List<Long> chartData(Browser browser) {
    Object data =
        browser
            .waiting()
            .until(
                d ->
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "var c = window.Chart && Chart.getChart(document.getElementById('per-day_canvas'));"
                                + " return c ? c.data.datasets[0].data : null;"));
    return ((List<?>) data).stream().map(n -> ((Number) n).longValue()).toList();
  }

  /**
   * The chart's last day is the server's today when the page was made: the day the test started or
   * the next.
   */
  private static LocalDate chartToday(LocalDate before) {
    LocalDate now = LocalDate.now(ZoneOffset.UTC);
    return now.equals(before) ? before : now;
  }
}
