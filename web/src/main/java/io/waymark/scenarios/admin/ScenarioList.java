package io.waymark.scenarios.admin;

import io.waymark.platform.admin.ConsoleUser;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.WaymarkException;
import io.waymark.scenarios.boundary.ScenarioSummary;
import io.waymark.scenarios.boundary.Scenarios;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The scenarios list, newest first, with the deleted ones on request (GET parameter {@code
 * deleted=1}) and the lifecycle actions per row. The rows are read from the request parameters on
 * every request (also on the action's postback, whose form repeats them), so the row an action was
 * clicked on is the row it acts on.
 */
@Named
@RequestScoped
public class ScenarioList {

  static final int PAGE_SIZE = 50;

  @Inject Scenarios scenarios;

  @Inject ConsoleUser console;

  private List<ScenarioSummary> rows;

  public List<ScenarioSummary> getItems() {
    if (rows == null) {
      rows = scenarios.list(isShowDeleted(), after(), PAGE_SIZE + 1);
    }
    return rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows;
  }

  public boolean isHasNext() {
    getItems();
    return rows.size() > PAGE_SIZE;
  }

  public long getNextCursor() {
    List<ScenarioSummary> items = getItems();
    return items.get(items.size() - 1).id();
  }

  public boolean isShowDeleted() {
    String value = parameter("deleted");
    return "1".equals(value) || "true".equals(value);
  }

  public String enable(long id) {
    return act(id, scenarios::enable, "Scenario " + id + " enabled.");
  }

  public String disable(long id) {
    return act(id, scenarios::disable, "Scenario " + id + " disabled.");
  }

  public String duplicate(long id) {
    return act(id, scenarios::duplicate, "Scenario " + id + " duplicated; the copy is disabled.");
  }

  public String delete(long id) {
    return act(id, scenarios::delete, "Scenario " + id + " deleted.");
  }

  public String restore(long id) {
    return act(
        id, scenarios::restore, "Scenario " + id + " restored; it stays disabled until enabled.");
  }

  private String act(long id, LongConsumer action, String done) {
    if (!console.mayEdit()) {
      return null;
    }
    try {
      action.accept(id);
      Messages.info(done);
    } catch (WaymarkException e) {
      Messages.error(e, Map.of());
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/admin/scenarios/list.xhtml?faces-redirect=true"
        + (isShowDeleted() ? "&deleted=1" : "");
  }

  private Long after() {
    String value = parameter("after");
    return value != null && value.matches("\\d{1,18}") ? Long.valueOf(value) : null;
  }

  private static String parameter(String name) {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .get(name);
  }
}
