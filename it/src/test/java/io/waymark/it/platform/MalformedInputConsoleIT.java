package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Browser;
import io.waymark.it.support.CampaignFixtures;
import io.waymark.it.support.Console;
import io.waymark.it.support.Mails;
import io.waymark.it.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console given malformed URLs (#14 item 3): a failing page shows an incident id and none of
 * the internals (exception chain, SQL, server name and version), a module's folder URL leads to its
 * list, and every keyset-paged list pages past its first page.
 */
class MalformedInputConsoleIT {

  @RegisterExtension final Console console = new Console();

  private static final List<String> INTERNALS =
      List.of("Exception", "SQL", "ERROR:", "Payara", "GlassFish", "at io.waymark");

  private static void assertNoInternals(Browser admin, String url) {
    // what the operator sees (the page source names exception types in PrimeFaces' settings)
    String page =
        admin.driver().getTitle() + "\n" + admin.driver().findElement(By.tagName("body")).getText();
    for (String internal : INTERNALS) {
      assertThat(page).as(url + " shows '" + internal + "'").doesNotContain(internal);
    }
  }

  @Test
  void aNulInAPageParameterShowsAnIncidentIdAndNoInternals() {
    Browser admin = console.signedIn();
    for (String url :
        List.of(
            "/admin/users/list.xhtml?email=a%00b",
            "/admin/users/detail.xhtml?id=1%00",
            "/admin/goals/detail.xhtml?code=a%00b",
            "/admin/segments/detail.xhtml?code=a%00b",
            "/admin/mail/template.xhtml?code=a%00b",
            "/admin/tokens/detail.xhtml?id=1%00",
            "/admin/scenarios/builder.xhtml?id=1%00")) {
      admin.open(TestServer.BASE + url);
      admin.visible(By.tagName("body"));
      assertNoInternals(admin, url);
      if (admin.present(By.id("error-title"))) {
        assertThat(admin.driver().findElement(By.id("incident")).getText())
            .as(url)
            .matches("[0-9a-f-]{36}");
      }
    }
  }

  @Test
  void aModulesFolderUrlLeadsToItsListAndAnUnknownPageIsTheConsolesOwn404() {
    Browser admin = console.signedIn();
    admin.open(TestServer.BASE + "/admin/goals/");
    admin.waiting().until(ExpectedConditions.urlContains("/admin/goals/list.xhtml"));
    admin.open(TestServer.BASE + "/admin/mail/");
    admin.textIs(By.id("error-title"), "Page not found");
    assertNoInternals(admin, "/admin/mail/");
    admin.open(TestServer.BASE + "/admin/no-such-page.xhtml");
    admin.textIs(By.id("error-title"), "Page not found");
    assertNoInternals(admin, "/admin/no-such-page.xhtml");
  }

  @Test
  void everyKeysetPagedListPagesPastItsFirstPage() {
    // more rows than a page of each list holds (25; scenarios 50), made through the API
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 26; i++) {
      Api.createUser(Api.email("paging"), null);
      Api.createToken("*", "api-resources.list");
      CampaignFixtures.create("");
      Mails.create(Mails.code("paging"), "s", "<p>h</p>", "t");
    }
    for (int i = 0; i < 51; i++) {
      Api.Reply created =
          Api.bootstrap()
              .post(
                  "/api/v1/scenarios/create",
                  "{\"name\":\"paging " + run + " " + i + "\",\"triggers\":{},\"elements\":{}}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
    Browser admin = console.signedIn();
    for (Map.Entry<String, String> list :
        Map.of(
                "users", "/admin/users/list.xhtml",
                "tokens", "/admin/tokens/list.xhtml",
                "campaigns", "/admin/campaigns/list.xhtml",
                "templates", "/admin/mail/templates.xhtml",
                "scenarios", "/admin/scenarios/list.xhtml",
                "deleted scenarios too", "/admin/scenarios/list.xhtml?deleted=1")
            .entrySet()) {
      admin.open(TestServer.BASE + list.getValue());
      admin.visible(By.id("next")).click();
      admin.waiting().until(ExpectedConditions.urlContains("after="));
      admin.visible(By.id("current-user"));
      assertThat(admin.present(By.id("error-title"))).as(list.getKey()).isFalse();
      assertNoInternals(admin, list.getValue() + " page 2");
    }
  }
}
