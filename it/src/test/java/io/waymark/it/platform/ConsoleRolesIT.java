package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.CampaignFixtures;
import io.waymark.it.support.ConsoleForms;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import io.waymark.it.support.Mails;
import io.waymark.it.support.StubServer;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's three roles page by page (#14 item 9), over plain HTTP: a viewer, an editor and an
 * admin (the control) each open every page the console's WAR packages, and forge every
 * state-changing POST every page has (with a valid CSRF token and view state, as {@link
 * ConsoleForms} sends them). What each role may do is {@link #PAGES}: a page the WAR has and this
 * table does not classify fails the test, as does a submit button a page shows that the table does
 * not know.
 *
 * <ul>
 *   <li>viewer: opens every page; sees no control that changes anything; every forged POST leaves
 *       the data as it was (read back from the database);
 *   <li>editor: changes content (goals, segments, campaigns, scenarios, templates); users' roles
 *       and active flag, API tokens and raw-SQL segments are admins' only;
 *   <li>admin: every forged POST works, so the refusals above are refusals and not malformed
 *       requests.
 * </ul>
 */
class ConsoleRolesIT {

  enum Role {
    VIEWER,
    EDITOR,
    ADMIN;

    boolean atLeast(Role least) {
      return compareTo(least) >= 0;
    }

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A signed-in console user of that role. */
  record Session(Role role, long userId, String email, String cookie) {}

  /**
   * One URL of a page: the controls (HTML ids) that change something, each with the least role that
   * sees it, which must be there for that role and up and absent below it; {@code optional}
   * controls may be there (depending on the data) but never below their role. In ids, {@code *}
   * stands for a row index.
   */
  record View(String url, Map<String, Role> controls, Map<String, Role> optional) {
    View(String url, Map<String, Role> controls) {
      this(url, controls, Map.of());
    }
  }

  /**
   * A state-changing action of a page, forged by each of {@code roles}: {@code run} makes its own
   * data, submits the form and answers whether the action took effect, which it must for {@code
   * least} and up and must not below.
   */
  record Action(String name, Role least, Set<Role> roles, Function<Session, Boolean> run) {
    Action(String name, Role least, Function<Session, Boolean> run) {
      this(name, least, Set.of(Role.values()), run);
    }
  }

  /** A console page: the URLs to open (made from fresh data) and its actions. */
  record Page(Supplier<List<View>> views, List<Action> actions) {}

  /** Pages outside the console, open to everyone. */
  private static final Set<String> PUBLIC = Set.of("login.xhtml");

  /**
   * Submit buttons that change nothing, which every role may see: sign-out, the GET search and
   * filter forms, the segment builder's live count and the template preview.
   */
  private static final Set<String> READ_ONLY_BUTTONS =
      Set.of(
          "logout:submit",
          "search-submit",
          "filter-submit",
          "segment:count",
          "template:refresh-preview");

  private static final Map<Role, Session> SESSIONS = new EnumMap<>(Role.class);
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static final Map<String, Page> PAGES = new LinkedHashMap<>();

  static {
    PAGES.put(
        "admin/index.xhtml",
        new Page(() -> List.of(new View("/admin/index.xhtml", Map.of())), List.of()));
    PAGES.put(
        "admin/users/list.xhtml",
        new Page(() -> List.of(new View("/admin/users/list.xhtml", Map.of())), List.of()));
    PAGES.put(
        "admin/users/detail.xhtml",
        new Page(
            () ->
                List.of(
                    new View(
                        "/admin/users/detail.xhtml?id=" + user(),
                        Map.of("user:save", Role.ADMIN, "fields:save", Role.EDITOR))),
            List.of(
                new Action(
                    "make another user an admin",
                    Role.ADMIN,
                    s -> {
                      long target = user();
                      submit(
                          s,
                          "/admin/users/detail.xhtml?id=" + target,
                          "user",
                          "save",
                          Map.of("user:roles", "admin", "user:active_input", "on"));
                      return hasRole(target, "admin");
                    }),
                new Action(
                    "make oneself an admin",
                    Role.ADMIN,
                    Set.of(Role.VIEWER, Role.EDITOR),
                    s -> {
                      submit(
                          s,
                          "/admin/users/detail.xhtml?id=" + s.userId(),
                          "user",
                          "save",
                          Map.of("user:roles", "admin", "user:active_input", "on"));
                      return hasRole(s.userId(), "admin");
                    }),
                new Action(
                    "deactivate a user",
                    Role.ADMIN,
                    s -> {
                      long target = user();
                      submit(
                          s,
                          "/admin/users/detail.xhtml?id=" + target,
                          "user",
                          "save",
                          Map.of("user:active_input", ""));
                      return !(Boolean) Db.single("select active from users where id = ?", target);
                    }))));
    PAGES.put(
        "admin/tokens/list.xhtml",
        new Page(
            () ->
                List.of(
                    new View(
                        "/admin/tokens/list.xhtml",
                        Map.of("create", Role.ADMIN, "create:submit", Role.ADMIN))),
            List.of(
                new Action(
                    "create an API token",
                    Role.ADMIN,
                    s -> {
                      String name = "roles-token-" + s.role().id() + "-" + RUN;
                      submit(
                          s,
                          "/admin/tokens/list.xhtml",
                          "create",
                          "submit",
                          Map.of("create:name", name, "create:ip", "*"));
                      return count("select count(*) from api_tokens where name = ?", name) > 0;
                    }))));
    PAGES.put(
        "admin/tokens/detail.xhtml",
        new Page(
            () ->
                List.of(
                    new View(
                        "/admin/tokens/detail.xhtml?id=" + token(),
                        Map.of("token:save", Role.ADMIN, "token:toggle-active", Role.ADMIN))),
            List.of(
                new Action(
                    "rename an API token",
                    Role.ADMIN,
                    s -> {
                      long id = token();
                      String name = "renamed by " + s.role().id();
                      submit(
                          s,
                          "/admin/tokens/detail.xhtml?id=" + id,
                          "token",
                          "save",
                          Map.of("token:name", name, "token:ip", "*"));
                      return name.equals(Db.single("select name from api_tokens where id = ?", id));
                    }),
                new Action(
                    "deactivate an API token",
                    Role.ADMIN,
                    s -> {
                      long id = token();
                      submit(s, "/admin/tokens/detail.xhtml?id=" + id, "token", "toggle-active");
                      return !(Boolean) Db.single("select active from api_tokens where id = ?", id);
                    }))));
    PAGES.put(
        "admin/goals/list.xhtml",
        new Page(
            () -> List.of(new View("/admin/goals/list.xhtml", Map.of("new-goal", Role.EDITOR))),
            List.of()));
    PAGES.put(
        "admin/goals/detail.xhtml",
        new Page(
            () ->
                List.of(
                    new View(
                        "/admin/goals/detail.xhtml?code=" + Goals.createSimple("roles"),
                        Map.of("edit", Role.EDITOR))),
            List.of()));
    PAGES.put(
        "admin/goals/edit.xhtml",
        new Page(
            () ->
                List.of(
                    new View(
                        "/admin/goals/edit.xhtml?code=" + Goals.createSimple("roles"),
                        Map.of("goal:save", Role.EDITOR),
                        Map.of(
                            "goal:add-filter", Role.EDITOR, "goal:filters:*:remove", Role.EDITOR)),
                    new View(
                        "/admin/goals/edit.xhtml",
                        Map.of("goal", Role.EDITOR, "goal:save", Role.EDITOR),
                        Map.of(
                            "goal:add-filter", Role.EDITOR, "goal:filters:*:remove", Role.EDITOR))),
            List.of(
                new Action(
                    "rename a goal",
                    Role.EDITOR,
                    s -> {
                      String code = Goals.createSimple("roles");
                      String name = "renamed by " + s.role().id();
                      submit(
                          s,
                          "/admin/goals/edit.xhtml?code=" + code,
                          "goal",
                          "save",
                          Map.of("goal:name", name, "goal:type", "simple"));
                      return name.equals(
                          Db.single("select name from onboarding_goals where code = ?", code));
                    }),
                new Action(
                    "create a goal",
                    Role.EDITOR,
                    s -> {
                      String code = Goals.code("roles-new");
                      submit(
                          s,
                          "/admin/goals/edit.xhtml",
                          "goal",
                          "save",
                          Map.of("goal:code", code, "goal:name", "New", "goal:type", "simple"));
                      return count("select count(*) from onboarding_goals where code = ?", code)
                          > 0;
                    }))));
    PAGES.put(
        "admin/segments/list.xhtml",
        new Page(
            () ->
                List.of(new View("/admin/segments/list.xhtml", Map.of("new-segment", Role.EDITOR))),
            List.of()));
    PAGES.put(
        "admin/segments/detail.xhtml",
        new Page(
            () ->
                List.of(
                    new View(
                        "/admin/segments/detail.xhtml?code=" + segment(null),
                        Map.of("recount", Role.EDITOR, "recount:submit", Role.EDITOR)),
                    new View(
                        "/admin/segments/detail.xhtml?code=" + staticSegment(),
                        Map.of(
                            "recount", Role.EDITOR,
                            "recount:submit", Role.EDITOR,
                            "static-members", Role.EDITOR,
                            "static-members:add", Role.EDITOR,
                            "static-members:remove", Role.EDITOR))),
            List.of(
                new Action(
                    "recount a segment",
                    Role.EDITOR,
                    s -> {
                      String code = segment(null);
                      // counted a day ago and not due for the recount sweep for 300 days: only
                      // Recount now counts it now
                      Db.update(
                          "update segments set count_updated_at = now() - interval '1 day',"
                              + " recalculate_every = interval '300 days' where code = ?",
                          code);
                      submit(s, "/admin/segments/detail.xhtml?code=" + code, "recount", "submit");
                      return (Boolean)
                          Db.single(
                              "select count_updated_at > now() - interval '1 hour'"
                                  + " from segments where code = ?",
                              code);
                    }),
                new Action(
                    "add a member to a static segment",
                    Role.EDITOR,
                    s -> {
                      String code = staticSegment();
                      long user = CampaignFixtures.user("roles");
                      submit(
                          s,
                          "/admin/segments/detail.xhtml?code=" + code,
                          "static-members",
                          "add",
                          Map.of("static-members:users", String.valueOf(user)));
                      return count(
                              "select count(*) from segment_members m join segments g"
                                  + " on g.id = m.segment_id where g.code = ? and m.user_id = ?",
                              code,
                              user)
                          > 0;
                    }))));
    PAGES.put(
        "admin/segments/edit.xhtml",
        new Page(
            () ->
                List.of(
                    new View(
                        "/admin/segments/edit.xhtml?code=" + segment(null),
                        Map.of("segment:save", Role.EDITOR),
                        Map.of(
                            "segment:nodes:*:add-criterion", Role.EDITOR,
                            "segment:nodes:*:add-group", Role.EDITOR,
                            "segment:nodes:*:remove", Role.EDITOR)),
                    new View(
                        "/admin/segments/edit.xhtml?code=" + segment("select id from users"),
                        Map.of("segment:save", Role.ADMIN)),
                    new View(
                        "/admin/segments/edit.xhtml",
                        Map.of(
                            "segment:save", Role.EDITOR,
                            "segment:definition", Role.EDITOR,
                            "segment:nodes:*:add-criterion", Role.EDITOR),
                        Map.of(
                            "segment:nodes:*:add-group", Role.EDITOR,
                            "segment:nodes:*:remove", Role.EDITOR))),
            List.of(
                new Action(
                    "rename a criteria segment",
                    Role.EDITOR,
                    s -> {
                      String code = segment(null);
                      return renamed(s, code);
                    }),
                new Action(
                    "rename a raw-SQL segment",
                    Role.ADMIN,
                    s -> {
                      String code = segment("select id from users");
                      return renamed(s, code);
                    }),
                new Action(
                    "create a criteria segment",
                    Role.EDITOR,
                    s -> {
                      String code = "roles-new-" + s.role().id() + "-" + RUN;
                      HttpResponse<String> answer =
                          submit(
                              s,
                              "/admin/segments/edit.xhtml",
                              "segment",
                              "save",
                              Map.of("segment:code", code, "segment:name", "New"));
                      // created, or refused by the boundary (the starter condition is empty):
                      // either way the save ran
                      return count("select count(*) from segments where code = ?", code) > 0
                          || boundaryAnswered(answer);
                    }),
                new Action(
                    // an admin's raw SQL takes the builder's ajax switch first (SegmentsConsoleIT)
                    "create a raw-SQL segment",
                    Role.ADMIN,
                    Set.of(Role.VIEWER, Role.EDITOR),
                    s -> {
                      String code = "roles-sql-" + s.role().id() + "-" + RUN;
                      submit(
                          s,
                          "/admin/segments/edit.xhtml",
                          "segment",
                          "save",
                          Map.of(
                              "segment:code", code,
                              "segment:name", "SQL",
                              "segment:definition", "sql",
                              "segment:sql", "select id from users"));
                      return count(
                              "select count(*) from segments where code = ? and raw_sql is not null",
                              code)
                          > 0;
                    }))));
    PAGES.put(
        "admin/campaigns/list.xhtml",
        new Page(
            () ->
                List.of(
                    new View("/admin/campaigns/list.xhtml", Map.of("new-campaign", Role.EDITOR))),
            List.of()));
    PAGES.put(
        "admin/campaigns/edit.xhtml",
        new Page(
            () ->
                List.of(
                    new View(
                        "/admin/campaigns/edit.xhtml?id=" + campaign(),
                        Map.of(
                            "campaign:save", Role.EDITOR,
                            "campaign:add-banner", Role.EDITOR,
                            "campaign:banners:*:remove-banner", Role.EDITOR)),
                    new View(
                        "/admin/campaigns/edit.xhtml",
                        Map.of(
                            "campaign", Role.EDITOR,
                            "campaign:save", Role.EDITOR,
                            "campaign:add-banner", Role.EDITOR,
                            "campaign:banners:*:remove-banner", Role.EDITOR))),
            List.of(
                new Action(
                    "rename a campaign",
                    Role.EDITOR,
                    s -> {
                      long id = campaign();
                      String name = "renamed by " + s.role().id() + " " + RUN;
                      submit(
                          s,
                          "/admin/campaigns/edit.xhtml?id=" + id,
                          "campaign",
                          "save",
                          Map.of("campaign:name", name));
                      return name.equals(Db.single("select name from campaigns where id = ?", id));
                    }),
                new Action(
                    "create a campaign",
                    Role.EDITOR,
                    s -> {
                      String name = "roles new " + s.role().id() + " " + RUN;
                      submit(
                          s,
                          "/admin/campaigns/edit.xhtml",
                          "campaign",
                          "save",
                          Map.of(
                              "campaign:name", name,
                              "campaign:status", "draft",
                              "campaign:banners:0:banner-name", "Banner",
                              "campaign:banners:0:position", "top",
                              "campaign:banners:0:text", "Hi"));
                      return count("select count(*) from campaigns where name = ?", name) > 0;
                    }))));
    PAGES.put(
        "admin/scenarios/list.xhtml",
        new Page(
            () -> {
              long id = scenario();
              return List.of(
                  new View(
                      "/admin/scenarios/list.xhtml?after=" + (id + 1),
                      Map.of(
                          "new-scenario", Role.EDITOR,
                          "list:scenarios:*:enable", Role.EDITOR,
                          "list:scenarios:*:duplicate", Role.EDITOR,
                          "list:scenarios:*:delete", Role.EDITOR),
                      Map.of("list:scenarios:*:disable", Role.EDITOR)),
                  new View(
                      "/admin/scenarios/list.xhtml?deleted=1&after=" + deletedScenario(),
                      Map.of("list:scenarios:*:restore", Role.EDITOR),
                      Map.of(
                          "new-scenario", Role.EDITOR,
                          "list:scenarios:*:enable", Role.EDITOR,
                          "list:scenarios:*:disable", Role.EDITOR,
                          "list:scenarios:*:duplicate", Role.EDITOR,
                          "list:scenarios:*:delete", Role.EDITOR)));
            },
            List.of(
                new Action(
                    "enable a scenario",
                    Role.EDITOR,
                    s -> {
                      long id = scenario();
                      scenarioAction(s, id, false, "enable");
                      return (Boolean) Db.single("select enabled from scenarios where id = ?", id);
                    }),
                new Action(
                    "duplicate a scenario",
                    Role.EDITOR,
                    s -> {
                      long id = scenario();
                      scenarioAction(s, id, false, "duplicate");
                      return count("select count(*) from scenarios where duplicated_from = ?", id)
                          > 0;
                    }),
                new Action(
                    "delete a scenario",
                    Role.EDITOR,
                    s -> {
                      long id = scenario();
                      scenarioAction(s, id, false, "delete");
                      return count(
                              "select count(*) from scenarios where id = ? and deleted_at is not null",
                              id)
                          > 0;
                    }),
                new Action(
                    "restore a scenario",
                    Role.EDITOR,
                    s -> {
                      long id = deletedScenario() - 1;
                      scenarioAction(s, id, true, "restore");
                      return count(
                              "select count(*) from scenarios where id = ? and deleted_at is null",
                              id)
                          > 0;
                    }))));
    PAGES.put(
        "admin/scenarios/builder.xhtml",
        new Page(
            () ->
                List.of(
                    new View(
                        "/admin/scenarios/builder.xhtml?id=" + scenario(),
                        Map.of("builder:save", Role.EDITOR)),
                    new View(
                        "/admin/scenarios/builder.xhtml",
                        Map.of("builder", Role.EDITOR, "builder:save", Role.EDITOR))),
            List.of(
                new Action(
                    "rename a scenario",
                    Role.EDITOR,
                    s -> {
                      long id = scenario();
                      String name = "renamed by " + s.role().id();
                      submit(
                          s,
                          "/admin/scenarios/builder.xhtml?id=" + id,
                          "builder",
                          "save",
                          Map.of("builder:name", name));
                      return name.equals(Db.single("select name from scenarios where id = ?", id));
                    }),
                new Action(
                    "create a scenario",
                    Role.EDITOR,
                    s -> {
                      String name = "roles new " + s.role().id() + " " + RUN;
                      submit(
                          s,
                          "/admin/scenarios/builder.xhtml",
                          "builder",
                          "save",
                          Map.of(
                              "builder:name",
                              name,
                              "builder:document",
                              "{\"name\":\"" + name + "\",\"triggers\":{},\"elements\":{}}"));
                      return count("select count(*) from scenarios where name = ?", name) > 0;
                    }))));
    PAGES.put(
        // the builder's document-model self-checks: a static page that changes nothing
        "admin/scenarios/builder-check.html",
        new Page(
            () -> List.of(new View("/admin/scenarios/builder-check.html", Map.of())), List.of()));
    PAGES.put(
        "admin/mail/templates.xhtml",
        new Page(
            () ->
                List.of(
                    new View("/admin/mail/templates.xhtml", Map.of("new-template", Role.EDITOR))),
            List.of()));
    PAGES.put(
        "admin/mail/template.xhtml",
        new Page(
            () ->
                List.of(
                    new View(
                        "/admin/mail/template.xhtml?code=" + template(),
                        Map.of("template:save", Role.EDITOR)),
                    new View(
                        "/admin/mail/template.xhtml",
                        Map.of("template", Role.EDITOR, "template:save", Role.EDITOR))),
            List.of(
                new Action(
                    "rename a template",
                    Role.EDITOR,
                    s -> {
                      String code = template();
                      String name = "renamed by " + s.role().id();
                      submit(
                          s,
                          "/admin/mail/template.xhtml?code=" + code,
                          "template",
                          "save",
                          Map.of("template:name", name));
                      return name.equals(
                          Db.single("select name from email_templates where code = ?", code));
                    }),
                new Action(
                    "create a template",
                    Role.EDITOR,
                    s -> {
                      String code = Mails.code("roles-new");
                      submit(
                          s,
                          "/admin/mail/template.xhtml",
                          "template",
                          "save",
                          Map.of(
                              "template:code", code,
                              "template:name", "New",
                              "template:subject", "Hi",
                              "template:html", "<p>Hi</p>",
                              "template:text", "Hi"));
                      return count("select count(*) from email_templates where code = ?", code) > 0;
                    }))));
    PAGES.put(
        "admin/mail/outbox.xhtml",
        new Page(() -> List.of(new View("/admin/mail/outbox.xhtml", Map.of())), List.of()));
    PAGES.put(
        "admin/outbox/list.xhtml",
        new Page(
            () ->
                List.of(
                    new View("/admin/outbox/list.xhtml", Map.of()),
                    new View(
                        "/admin/outbox/list.xhtml?item=" + deadItem(),
                        Map.of("retry:submit", Role.EDITOR))),
            List.of(
                new Action(
                    "retry a dead outbox item",
                    Role.EDITOR,
                    s -> {
                      long id = deadItem();
                      submit(
                          s,
                          "/admin/outbox/list.xhtml?item=" + id,
                          "retry",
                          "submit",
                          Map.of("item", String.valueOf(id)));
                      return !"dead"
                          .equals(Db.single("select state from outbox_items where id = ?", id));
                    }))));
  }

  @BeforeAll
  static void signIn() {
    for (Role role : Role.values()) {
      String email = Api.email("roles-" + role.id());
      String password = "roles-Secret-" + RUN;
      long id = Api.createUser(email, password).getJsonNumber("id").longValue();
      // the role as Console.signedInAsNewViewer grants it: with SQL (AdminConsoleIT grants roles on
      // the users page, and this test proves only admins can)
      Db.update("insert into user_roles (user_id, role) values (?, ?)", id, role.id());
      SESSIONS.put(role, new Session(role, id, email, ConsoleForms.signIn(email, password)));
    }
  }

  @Test
  void everyPageTheConsolePackagesIsClassified() throws IOException {
    Set<String> packaged = consolePages();
    assertThat(packaged).as("the console pages the WAR packages").contains("admin/index.xhtml");
    Set<String> unclassified = new TreeSet<>(packaged);
    unclassified.removeAll(PAGES.keySet());
    unclassified.removeAll(PUBLIC);
    assertThat(unclassified)
        .as("pages the WAR packages that ConsoleRolesIT.PAGES does not classify by role")
        .isEmpty();
    Set<String> gone = new TreeSet<>(PAGES.keySet());
    gone.removeAll(packaged);
    assertThat(gone).as("pages ConsoleRolesIT.PAGES names that the WAR does not have").isEmpty();
  }

  @Test
  void everyRoleOpensEveryPageAndSeesOnlyTheControlsItMayUse() {
    SoftAssertions softly = new SoftAssertions();
    for (Map.Entry<String, Page> page : PAGES.entrySet()) {
      for (View view : page.getValue().views().get()) {
        for (Session s : SESSIONS.values()) {
          String as = s.role().id() + " on " + view.url();
          HttpResponse<String> response = ConsoleForms.get(view.url(), s.cookie());
          softly.assertThat(response.statusCode()).as(as).isEqualTo(200);
          String html = response.body();
          if (view.url().endsWith(".html")) {
            continue;
          }
          softly.assertThat(html).as(as + ": the signed-in user").contains(s.email());
          softly.assertThat(html).as(as + ": an error page").doesNotContain("id=\"error-title\"");
          softly.assertThat(html).as(as + ": an error message").doesNotContain("ui-messages-error");
          Set<String> ids = ids(html);
          Set<String> buttons = submitButtons(html);
          for (Map.Entry<String, Role> control : view.controls().entrySet()) {
            softly
                .assertThat(ids.contains(control.getKey()))
                .as(as + ": control " + control.getKey() + " (" + control.getValue() + " and up)")
                .isEqualTo(s.role().atLeast(control.getValue()));
          }
          for (Map.Entry<String, Role> control : view.optional().entrySet()) {
            if (!s.role().atLeast(control.getValue())) {
              softly
                  .assertThat(ids)
                  .as(as + ": control " + control.getKey() + " (" + control.getValue() + " and up)")
                  .doesNotContain(control.getKey());
            }
          }
          for (String button : buttons) {
            if (READ_ONLY_BUTTONS.contains(button)) {
              continue;
            }
            Role least = view.controls().getOrDefault(button, view.optional().get(button));
            softly
                .assertThat(least)
                .as(as + ": submit button " + button + " is not classified in ConsoleRolesIT.PAGES")
                .isNotNull();
            if (least != null) {
              softly
                  .assertThat(s.role().atLeast(least))
                  .as(as + ": shows " + button + " (" + least + " and up)")
                  .isTrue();
            }
          }
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void everyForgedPostIsRefusedBelowItsRoleAndWorksFromIt() {
    SoftAssertions softly = new SoftAssertions();
    for (Map.Entry<String, Page> page : PAGES.entrySet()) {
      for (Action action : page.getValue().actions()) {
        for (Session s : SESSIONS.values()) {
          if (!action.roles().contains(s.role())) {
            continue;
          }
          refusedToo = !s.role().atLeast(action.least());
          boolean happened = action.run().apply(s);
          softly
              .assertThat(happened)
              .as(
                  "%s forges '%s' on %s (%s and up): %s",
                  s.role().id(),
                  action.name(),
                  page.getKey(),
                  action.least().id(),
                  s.role().atLeast(action.least()) ? "it must work" : "it must change nothing")
              .isEqualTo(s.role().atLeast(action.least()));
        }
      }
    }
    softly.assertAll();
  }

  // --- the console's pages, as the WAR in the EAR the server runs packages them

  /** Every page of the console's WAR: its .xhtml and .html files outside WEB-INF and resources. */
  private static Set<String> consolePages() throws IOException {
    Path ear = Path.of(System.getProperty("it.ear", "../ear/target/waymark.ear"));
    Set<String> pages = new TreeSet<>();
    try (ZipInputStream earZip = new ZipInputStream(Files.newInputStream(ear))) {
      for (ZipEntry entry; (entry = earZip.getNextEntry()) != null; ) {
        if (entry.getName().equals("waymark-web.war")) {
          pages.addAll(pages(earZip));
        }
      }
    }
    return pages;
  }

  private static Set<String> pages(InputStream war) throws IOException {
    Set<String> pages = new TreeSet<>();
    ZipInputStream warZip = new ZipInputStream(war);
    for (ZipEntry entry; (entry = warZip.getNextEntry()) != null; ) {
      String name = entry.getName();
      if ((name.endsWith(".xhtml") || name.endsWith(".html"))
          && !name.startsWith("WEB-INF/")
          && !name.startsWith("META-INF/")
          && !name.startsWith("resources/")) {
        pages.add(name);
      }
    }
    return pages;
  }

  // --- forging

  private static HttpResponse<String> submit(Session s, String path, String form, String button) {
    return submit(s, path, form, button, Map.of());
  }

  /**
   * Whether the action being forged must be refused: then it is also forged as a PrimeFaces ajax
   * request that asks JSF to execute the whole view ({@code @all}), the other way a page's buttons
   * reach their beans.
   */
  private static boolean refusedToo;

  private static HttpResponse<String> submit(
      Session s, String path, String form, String button, Map<String, String> fields) {
    HttpResponse<String> answer =
        ConsoleForms.submittedAsBrowser(form, button, path, s.cookie(), fields);
    if (refusedToo) {
      Map<String, String> ajax = new LinkedHashMap<>(fields);
      ajax.put("jakarta.faces.partial.ajax", "true");
      ajax.put("jakarta.faces.source", form + ":" + button);
      ajax.put("jakarta.faces.partial.execute", "@all");
      ajax.put("jakarta.faces.partial.render", "@all");
      ConsoleForms.submittedAsBrowser(form, button, path, s.cookie(), ajax);
    }
    return answer;
  }

  /** Presses a row's button on the scenario list that starts below {@code id}'s successor. */
  private static void scenarioAction(Session s, long id, boolean deleted, String button) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("after", String.valueOf(id + 1));
    if (deleted) {
      fields.put("deleted", "1");
    }
    submit(
        s,
        "/admin/scenarios/list.xhtml?" + (deleted ? "deleted=1&" : "") + "after=" + (id + 1),
        "list",
        "scenarios:0:" + button,
        fields);
  }

  private static boolean renamed(Session s, String code) {
    String name = "renamed by " + s.role().id();
    submit(
        s,
        "/admin/segments/edit.xhtml?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8),
        "segment",
        "save",
        Map.of("segment:name", name));
    return name.equals(Db.single("select name from segments where code = ?", code));
  }

  /** The page shows an error message the role check does not give: the action's own. */
  private static boolean boundaryAnswered(HttpResponse<String> answer) {
    String html = answer.body();
    return answer.statusCode() != 200
        || html.contains("ui-messages-error")
            && !html.contains("Your role may only view this page")
            && !html.contains("Only admins may do this");
  }

  // --- reading pages

  private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
  private static final Pattern BUTTON = Pattern.compile("<button\\b([^>]*)>");

  /** The page's element ids, row indexes as {@code *}. */
  private static Set<String> ids(String html) {
    Set<String> ids = new TreeSet<>();
    Matcher m = ID.matcher(html);
    while (m.find()) {
      ids.add(rowless(m.group(1)));
    }
    return ids;
  }

  /**
   * The ids of the page's buttons that submit (every button but those of {@code type="button"}
   * without a name, which only run scripts); a submit button without an id is named by its tag.
   */
  private static Set<String> submitButtons(String html) {
    Set<String> buttons = new TreeSet<>();
    Matcher m = BUTTON.matcher(html);
    while (m.find()) {
      String attributes = m.group(1);
      if (attributes.contains("type=\"button\"") && !attributes.contains("name=\"")) {
        continue;
      }
      Matcher id = ID.matcher(attributes);
      buttons.add(id.find() ? rowless(id.group(1)) : "<button" + attributes + ">");
    }
    return buttons;
  }

  private static String rowless(String id) {
    return id.replaceAll(":\\d+:", ":*:");
  }

  // --- data, made through the API

  private static long user() {
    return Api.createUser(Api.email("roles-target"), null).getJsonNumber("id").longValue();
  }

  private static boolean hasRole(long userId, String role) {
    return count("select count(*) from user_roles where user_id = ? and role = ?", userId, role)
        > 0;
  }

  /**
   * A webhook call that used up its attempts (written with SQL: waiting out real retries here would
   * cost seconds per role; OutboxConsoleIT does it for real), to a receiver that accepts it.
   */
  private static long deadItem() {
    String url = StubServer.receiver(StubServer.uniquePath("roles-outbox")).url();
    return ((Number)
            Db.single(
                "insert into outbox_items (channel, unique_key, payload, state, attempts, due_at, created_at,"
                    + " finished_at, last_status, last_error)"
                    + " values ('webhook', ?, jsonb_build_object('url', ?::text, 'headers', '{}'::jsonb, 'body', '{}'),"
                    + " 'dead', 5, now(), now(), now(), 500, 'HTTP 500') returning id",
                "roles-" + UUID.randomUUID(),
                url))
        .longValue();
  }

  private static long token() {
    return Api.createToken("*").getValue();
  }

  /** A segment of criteria, or of raw SQL when {@code sql} is given; answers its code. */
  private static String segment(String sql) {
    String code = "roles-" + UUID.randomUUID().toString().substring(0, 12);
    var body = Json.createObjectBuilder().add("code", code).add("name", "Segment " + code);
    if (sql == null) {
      body.add(
          "criteria",
          Json.createObjectBuilder()
              .add("type", "criterion")
              .add("key", "user.field")
              .add(
                  "params",
                  Json.createObjectBuilder()
                      .add("field", "email")
                      .add("operator", "contains")
                      .add("value", "roles-")));
    } else {
      body.add("sql", sql);
    }
    Api.Reply reply = Api.bootstrap().post("/api/v1/segments", body.build().toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return code;
  }

  private static String staticSegment() {
    String code = "roles-static-" + UUID.randomUUID().toString().substring(0, 12);
    Api.Reply reply =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                Json.createObjectBuilder()
                    .add("code", code)
                    .add("name", "Static " + code)
                    .add("kind", "static")
                    .build()
                    .toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return code;
  }

  private static long campaign() {
    return CampaignFixtures.id(CampaignFixtures.create(""));
  }

  private static long scenario() {
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/scenarios/create",
                "{\"name\":\"roles " + RUN + "\",\"triggers\":{},\"elements\":{}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  /** A deleted scenario; answers its id + 1 (the list's {@code after} that starts with it). */
  private static long deletedScenario() {
    long id = scenario();
    Db.update("update scenarios set deleted_at = now(), enabled = false where id = ?", id);
    return id + 1;
  }

  private static String template() {
    String code = Mails.code("roles");
    Mails.create(code, "Subject", "<p>Hello</p>", "Hello");
    return code;
  }

  private static long count(String sql, Object... params) {
    return ((Number) Db.single(sql, params)).longValue();
  }
}
