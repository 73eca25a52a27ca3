package io.waymark.it.segments;

import static io.waymark.it.support.TestServer.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Browser;
import io.waymark.it.support.Console;
import io.waymark.it.support.ConsoleForms;
import io.waymark.it.support.Goals;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * The segments pages in headless Chromium against the real EAR: a segment built node by node in the
 * builder with its live count, errors shown at the failing node, saved, listed, recounted and paged
 * through its members; a goal segment read-only; raw SQL for admins; what viewers may not do.
 */
class SegmentsConsoleIT {

  @RegisterExtension final Console console = new Console();

  private static final By MESSAGES = By.id("messages");
  private static final By LIVE_COUNT = By.id("segment:live-count");

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void segmentBuiltInTheConsoleCountsSavesAndListsItsMembers() {
    // 27 users with the marker and the goal active are the segment; one with only the marker, one
    // with only the goal are not
    String goal = Goals.createSimple("segc");
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 27; i++) {
      String email = String.format("segc-%s-%02d@it.example.com", run, i);
      assign(goal, Api.createUser(email, null).getJsonNumber("id").longValue());
      members.add(email);
    }
    Api.createUser("segc-" + run + "-nogoal@it.example.com", null);
    assign(goal, Api.createUser(Api.email("segc-other"), null).getJsonNumber("id").longValue());

    Browser admin = console.signedIn();
    admin.driver().findElement(By.cssSelector("a.wm-nav-segments")).click();
    admin.visible(By.id("segments"));
    admin.driver().findElement(By.id("new-segment")).click();
    String code = "console-" + run;
    admin.type(By.id("segment:code"), code);
    admin.type(By.id("segment:name"), "Marker " + run + " on the goal");

    // the first condition: email contains the marker (the new tree starts with "active eq true")
    pick(admin, node("criteria.nodes[0]", ".wm-param-field select"), "email");
    pick(admin, node("criteria.nodes[0]", ".wm-param-operator select"), "contains");
    admin.type(node("criteria.nodes[0]", ".wm-param-value input"), run);
    count(admin, "28");

    // the second: the goal's state; counted before a goal is chosen, the error shows at that node
    click(admin, node("criteria", ".wm-add-criterion"));
    pick(admin, node("criteria.nodes[1]", "select.wm-node-key"), "goal.state");
    click(admin, By.id("segment:count"));
    admin.text(node("criteria.nodes[1]", ".wm-node-error"), "goal_code: is required");
    admin.text(MESSAGES, "Some conditions have problems");
    admin.textIs(LIVE_COUNT, "–");
    admin.screenshot("segments-builder-node-error");
    pick(admin, node("criteria.nodes[1]", ".wm-param-goal_code select"), goal);
    count(admin, "27");
    assertThat(admin.present(node("criteria.nodes[1]", ".wm-node-error"))).isFalse();

    // a NOT group leaving out the first user, then removed again
    click(admin, node("criteria", ".wm-add-group"));
    pick(admin, node("criteria.nodes[2]", "select.wm-node-op"), "not");
    assertThat(admin.present(node("criteria.nodes[2]", ".wm-add-criterion")))
        .as("a NOT takes one node")
        .isFalse();
    pick(admin, node("criteria.nodes[2].nodes[0]", ".wm-param-field select"), "email");
    pick(admin, node("criteria.nodes[2].nodes[0]", ".wm-param-operator select"), "contains");
    admin.type(node("criteria.nodes[2].nodes[0]", ".wm-param-value input"), run + "-00@");
    count(admin, "26");
    admin.screenshot("segments-builder-nested");
    click(admin, node("criteria.nodes[2]", ".wm-remove"));
    admin.waiting().until(d -> !admin.present(node("criteria.nodes[2]", "select")));
    count(admin, "27");

    admin.driver().findElement(By.id("segment:save")).click();
    admin.text(MESSAGES, "Segment '" + code + "' created.");
    admin.textIs(By.id("code"), code);
    JsonObject stored =
        Api.bootstrap().get("/api/v1/segments/" + code).json().getJsonObject("segment");
    assertThat(stored.getJsonObject("criteria").toString())
        .isEqualTo(
            "{\"type\":\"and\",\"nodes\":["
                + "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"email\",\"operator\":\"contains\",\"value\":\""
                + run
                + "\"}},"
                + "{\"type\":\"criterion\",\"key\":\"goal.state\",\"params\":{\"goal_code\":\""
                + goal
                + "\",\"state\":\"active\"}}]}");
    assertThat(texts(admin, "wm-summary-row"))
        .containsExactly(
            "All of (AND)",
            "User field: email contains \"" + run + "\"",
            "Onboarding goal state: goal_code = \"" + goal + "\", state = \"active\"");

    // its members, 25 + 2 by id; the count is "–" until counted, and the recount sweeper may
    // already have counted it
    admin
        .waiting()
        .until(d -> java.util.Set.of("–", "27").contains(d.findElement(By.id("count")).getText()));
    assertThat(texts(admin, "wm-member-link")).isEqualTo(members.subList(0, 25));
    assertThat(admin.present(By.id("members-previous"))).isFalse();
    admin.driver().findElement(By.id("members-next")).click();
    admin.waiting().until(d -> texts(admin, "wm-member-link").equals(members.subList(25, 27)));
    assertThat(admin.present(By.id("members-next"))).isFalse();
    admin.driver().findElement(By.id("members-previous")).click();
    admin.waiting().until(d -> texts(admin, "wm-member-link").size() == 25);

    // recount: the count, its time and today's point of the history chart
    admin.driver().findElement(By.id("recount:submit")).click();
    admin.text(MESSAGES, "Recounted: 27 users");
    admin.textIs(By.id("count"), "27");
    assertThat(admin.driver().findElement(By.id("counted-at")).getText()).endsWith("UTC");
    List<Object> history = chartData(admin);
    assertThat(history).hasSize(31);
    assertThat(((Number) history.get(30)).longValue()).isEqualTo(27);
    // how its entered / left are found, said plainly (the recount took its first snapshot)
    assertThat(admin.driver().findElement(By.id("membership-events")).getText())
        .startsWith("Entered / left at once when one of these changes for a user: ")
        .contains("the rows of goal " + goal)
        .contains("Membership snapshot taken");
    admin.screenshot("segments-detail");

    // the list, filtered by group: the count and no lock
    admin.open(BASE + "/admin/segments/list.xhtml");
    new Select(admin.visible(By.id("filter-group"))).selectByValue("default");
    admin.driver().findElement(By.id("filter-submit")).click();
    admin.waiting().until(ExpectedConditions.urlContains("group=default"));
    WebElement row = segmentRow(admin, code);
    assertThat(row.findElement(By.className("wm-segment-name")).getText())
        .isEqualTo("Marker " + run + " on the goal");
    assertThat(row.findElement(By.className("wm-segment-group")).getText()).isEqualTo("Default");
    assertThat(row.findElement(By.className("wm-segment-count")).getText()).isEqualTo("27");
    assertThat(row.findElement(By.className("wm-segment-counted")).getText()).endsWith("UTC");
    assertThat(row.findElements(By.className("wm-segment-locked"))).isEmpty();
    admin.screenshot("segments-list");
    admin.open(BASE + "/admin/segments/list.xhtml?group=onboarding");
    admin.visible(By.id("segments"));
    assertThat(admin.present(By.linkText(code))).isFalse();

    // a member's link leads to the user's page
    admin.open(BASE + "/admin/segments/detail.xhtml?code=" + code);
    admin.driver().findElement(By.linkText(members.get(3))).click();
    admin.textIs(By.id("user:email"), members.get(3));

    // editing: the tree comes back as saved; a rename keeps the definition and its count
    admin.open(BASE + "/admin/segments/edit.xhtml?code=" + code);
    admin.textIs(By.id("segment:code-fixed"), code);
    assertThat(
            new Select(
                    admin
                        .driver()
                        .findElement(node("criteria.nodes[1]", ".wm-param-goal_code select")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo(goal);
    admin.type(By.id("segment:name"), "Renamed " + run);
    admin.driver().findElement(By.id("segment:save")).click();
    admin.text(MESSAGES, "Saved.");
    admin.textIs(By.id("name"), "Renamed " + run);
    admin.textIs(By.id("count"), "27");
  }

  @Test
  void goalSegmentOpensReadOnlyWithTheReason() {
    String goal = Goals.createSimple("segc-locked");
    String code = "onboarding_" + goal;
    Browser admin = console.signedIn();
    admin.open(BASE + "/admin/segments/list.xhtml?group=onboarding");
    WebElement row = segmentRow(admin, code);
    assertThat(row.findElement(By.className("wm-segment-locked")).getAttribute("title"))
        .contains("onboarding goal '" + goal + "'");
    row.findElement(By.linkText(code)).click();
    admin.text(By.id("locked-reason"), "nobody can edit it");
    assertThat(admin.driver().findElement(By.id("membership-events")).getText())
        .isEqualTo("Entered / left at once, from the goal's rows.");
    assertThat(texts(admin, "wm-summary-row"))
        .containsExactly(
            "All of (AND)",
            "User field: active eq true",
            "Onboarding goal state: goal_code = \"" + goal + "\", state = \"active\"");
    admin.text(By.id("edit"), "View definition").click();
    admin.text(By.id("locked-reason"), "Locked: the segment of onboarding goal '" + goal + "'");
    assertThat(admin.visible(By.id("segment:name")).isEnabled()).isFalse();
    assertThat(
            admin.driver().findElement(node("criteria.nodes[1]", "select.wm-node-key")).isEnabled())
        .isFalse();
    assertThat(admin.present(By.id("segment:save"))).isFalse();
    assertThat(admin.present(By.cssSelector(".wm-add-criterion, .wm-add-group, .wm-remove")))
        .isFalse();
    count(admin, "0"); // counting is reading: the locked tree still counts
    admin.screenshot("segments-locked");
    admin.driver().findElement(By.linkText("Open the goal")).click();
    admin.textIs(By.id("code"), goal);
  }

  @Test
  void staticSegmentCreatedInTheConsoleTakesMembersByIdOrEmail() {
    String email = "segc-static-" + run + "@it.example.com";
    long byEmail = Api.createUser(email, null).getJsonNumber("id").longValue();
    String other = "segc-static2-" + run + "@it.example.com";
    long byId = Api.createUser(other, null).getJsonNumber("id").longValue();
    Browser admin = console.signedIn();
    admin.open(BASE + "/admin/segments/edit.xhtml");
    String code = "console-static-" + run;
    admin.type(By.id("segment:code"), code);
    admin.type(By.id("segment:name"), "Static " + run);
    defineBy(admin, "static");
    admin.visible(By.id("segment:static-note"));
    admin.driver().findElement(By.id("segment:save")).click();
    admin.text(MESSAGES, "Segment '" + code + "' created.");
    admin.visible(By.id("static"));
    assertThat(texts(admin, "wm-member-link")).isEmpty();

    admin.type(By.id("static-members:users"), email + ", " + byId);
    admin.driver().findElement(By.id("static-members:add")).click();
    admin.text(MESSAGES, "2 added, 0 already members.");
    assertThat(texts(admin, "wm-member-link")).containsExactly(email, other);
    admin.screenshot("segments-static");

    admin.type(By.id("static-members:users"), "nobody-" + run + "@it.example.com " + byEmail);
    admin.driver().findElement(By.id("static-members:remove")).click();
    admin.text(MESSAGES, "No such users: nobody-" + run + "@it.example.com. Nothing was changed.");
    assertThat(texts(admin, "wm-member-link")).containsExactly(email, other);

    admin.type(By.id("static-members:users"), String.valueOf(byEmail));
    admin.driver().findElement(By.id("static-members:remove")).click();
    admin.text(MESSAGES, "1 removed, 0 were not members.");
    assertThat(texts(admin, "wm-member-link")).containsExactly(other);
    assertThat(
            Api.bootstrap()
                .get("/api/v1/segments/" + code)
                .json()
                .getJsonObject("segment")
                .getString("kind"))
        .isEqualTo("static");
  }

  @Test
  void adminDefinesASegmentByRawSqlThatMustOnlyRead() {
    String email = "segc-sql-" + run + "@it.example.com";
    long user = Api.createUser(email, null).getJsonNumber("id").longValue();
    Browser admin = console.signedIn();
    admin.open(BASE + "/admin/segments/edit.xhtml");
    String code = "console-sql-" + run;
    admin.type(By.id("segment:code"), code);
    admin.type(By.id("segment:name"), "Raw " + run);
    defineBy(admin, "sql");
    // a SELECT in front of a data change is still refused
    admin.type(
        By.id("segment:sql"),
        "with gone as (delete from users where id = "
            + user
            + " returning id) select id from gone");
    admin.driver().findElement(By.id("segment:save")).click();
    admin.text(MESSAGES, "SQL: must only read");
    assertThat(Api.bootstrap().get("/api/v1/segments/" + code).status()).isEqualTo(404);
    admin.type(By.id("segment:sql"), "select id from users where email = '" + email + "'");
    admin.driver().findElement(By.id("segment:save")).click();
    admin.text(MESSAGES, "Segment '" + code + "' created.");
    admin.text(By.id("sql"), "where email = '" + email + "'");
    assertThat(texts(admin, "wm-member-link")).containsExactly(email);
    assertThat(
            Api.bootstrap()
                .get("/api/v1/users?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                .status())
        .isEqualTo(200);
  }

  /** Picks a "Defined by" choice of the builder (criteria, sql, static) by its label. */
  private static void defineBy(Browser browser, String definition) {
    WebElement choice =
        browser
            .driver()
            .findElement(
                By.cssSelector("input[name='segment:definition'][value='" + definition + "']"));
    browser
        .driver()
        .findElement(By.cssSelector("label[for='" + choice.getAttribute("id") + "']"))
        .click();
  }

  @Test
  void viewerSeesSegmentsReadOnlyAndForgedPostsChangeNothing() throws Exception {
    String code = "viewer-" + run;
    String criteria =
        "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"email\",\"operator\":\"contains\",\"value\":\""
            + run
            + "\"}}";
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\""
                    + code
                    + "\",\"name\":\"Viewer "
                    + run
                    + "\",\"criteria\":"
                    + criteria
                    + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String email = "segc-viewer-" + run + "@it.waymark.test";
    String password = "viewer-Secret-" + run;
    Browser viewer = console.signedInAsNewViewer(email, password);
    viewer.open(BASE + "/admin/segments/list.xhtml");
    viewer.visible(By.id("segments"));
    assertThat(viewer.present(By.id("new-segment"))).isFalse();
    viewer.open(BASE + "/admin/segments/detail.xhtml?code=" + code);
    assertThat(texts(viewer, "wm-member-link")).containsExactly(email);
    assertThat(viewer.present(By.id("recount"))).isFalse();
    viewer.text(By.id("edit"), "View definition").click();
    assertThat(viewer.visible(By.id("segment:name")).isEnabled()).isFalse();
    assertThat(viewer.present(By.id("segment:save"))).isFalse();
    viewer.open(BASE + "/admin/segments/edit.xhtml");
    viewer.visible(By.id("current-user"));
    assertThat(viewer.present(By.id("segment"))).isFalse();

    // hand-made POSTs of the forms an editor would see: nothing changes, nothing is created
    String cookie =
        "JSESSIONID=" + viewer.driver().manage().getCookieNamed("JSESSIONID").getValue();
    ConsoleForms.submit(
        "segment",
        "save",
        "/admin/segments/edit.xhtml?code=" + code,
        cookie,
        Map.of("segment:name", "Forged by a viewer"));
    assertThat(
            Api.bootstrap()
                .get("/api/v1/segments/" + code)
                .json()
                .getJsonObject("segment")
                .getString("name"))
        .isEqualTo("Viewer " + run);
    String forged = "forged-" + run;
    ConsoleForms.submit(
        "segment",
        "save",
        "/admin/segments/edit.xhtml",
        cookie,
        Map.of("segment:code", forged, "segment:name", "Forged"));
    assertThat(Api.bootstrap().get("/api/v1/segments/" + forged).status()).isEqualTo(404);
  }

  // --- data

  private static void assign(String goal, long user) {
    Api.Reply reply = Goals.assign(goal, user, null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  // --- browser steps

  /**
   * Something inside the builder's node with this JSON path (nodes are siblings, so the selector
   * stays in one node).
   */
  private static By node(String path, String inside) {
    return By.cssSelector("[data-path='" + path + "'] " + inside);
  }

  /**
   * Chooses a value in a builder select (it posts by ajax) and waits until the builder shows the
   * answer.
   */
  private static void pick(Browser browser, By select, String value) {
    treeUpdate(browser, () -> new Select(browser.visible(select)).selectByValue(value));
  }

  /** Clicks a builder button (ajax) and waits until the builder shows the answer. */
  private static void click(Browser browser, By by) {
    treeUpdate(
        browser,
        () -> browser.waiting().until(ExpectedConditions.elementToBeClickable(by)).click());
  }

  /** Presses "Count" and waits for the live count. */
  private static void count(Browser browser, String expected) {
    click(browser, By.id("segment:count"));
    browser.textIs(LIVE_COUNT, expected);
  }

  /**
   * Every builder action re-renders the tree: marks the tree element, acts, and waits until a new
   * tree element (without the mark) is in the page and no request is running. Waiting for "no
   * request" alone can look before the request starts.
   */
  private static void treeUpdate(Browser browser, Runnable action) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript("document.getElementById('segment:tree').setAttribute('data-before', 'yes');");
    action.run();
    browser
        .waiting()
        .until(
            d ->
                Boolean.TRUE.equals(
                    js.executeScript(
                        "var t = document.getElementById('segment:tree');"
                            + " return !!t && !t.hasAttribute('data-before') && (!window.jQuery || jQuery.active === 0);")));
  }

  private static WebElement segmentRow(Browser browser, String code) {
    browser.visible(By.id("segments"));
    return browser.driver().findElement(By.linkText(code)).findElement(By.xpath("./ancestor::tr"));
  }

  private static List<String> texts(Browser browser, String styleClass) {
    return browser.driver().findElements(By.className(styleClass)).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** The numbers Chart.js draws in the history chart (null on days without a figure). */
  private static List<Object> chartData(Browser browser) {
    Object data =
        browser
            .waiting()
            .until(
                d ->
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "var c = window.Chart && Chart.getChart(document.getElementById('history_canvas'));"
                                + " return c ? c.data.datasets[0].data : null;"));
    return new ArrayList<>((List<?>) data);
  }
}
