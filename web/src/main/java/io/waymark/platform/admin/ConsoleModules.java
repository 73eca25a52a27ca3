package io.waymark.platform.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * The console's navigation: one entry per module. A module without pages yet is listed as "coming
 * soon" without a link, so the menu shows what is planned but never leads to a missing page. A
 * feature that ships its pages gives its entry a {@code page}.
 */
@Named
@ApplicationScoped
public class ConsoleModules {

  /**
   * A navigation entry; {@code page} is the view id of its first page, or null while it has none.
   */
  public record Module(String id, String label, String icon, String page) {
    public boolean isAvailable() {
      return page != null;
    }
  }

  private static final List<Module> MODULES =
      List.of(
          new Module("users", "Users", "pi pi-users", "/admin/users/list.xhtml"),
          new Module("tokens", "API tokens", "pi pi-key", "/admin/tokens/list.xhtml"),
          new Module("goals", "Goals", "pi pi-flag", "/admin/goals/list.xhtml"),
          new Module("segments", "Segments", "pi pi-filter", "/admin/segments/list.xhtml"),
          new Module("campaigns", "Campaigns", "pi pi-megaphone", "/admin/campaigns/list.xhtml"),
          new Module("scenarios", "Scenarios", "pi pi-sitemap", "/admin/scenarios/list.xhtml"),
          new Module("mail", "Mail", "pi pi-envelope", "/admin/mail/templates.xhtml"),
          new Module("outbox", "Outbox", "pi pi-send", "/admin/outbox/list.xhtml"),
          new Module("sms", "SMS", "pi pi-comment", null),
          new Module("rules", "Rules", "pi pi-bolt", null),
          new Module("integrations", "Integrations", "pi pi-link", null));

  public List<Module> getAll() {
    return MODULES;
  }
}
