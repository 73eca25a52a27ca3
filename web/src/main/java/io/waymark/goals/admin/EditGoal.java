package io.waymark.goals.admin;

import io.waymark.goals.boundary.GoalChange;
import io.waymark.goals.boundary.GoalType;
import io.waymark.goals.boundary.GoalView;
import io.waymark.goals.boundary.OnboardingGoals;
import io.waymark.platform.admin.ConsoleUser;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.WaymarkException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creating a goal ({@code edit.xhtml} without {@code code}) or editing one ({@code ?code=}); the
 * code is fixed once the goal exists. Editors and admins save; viewers see the definition
 * read-only, and {@link #save} checks the role again. Validation is the boundary's ({@code
 * OnboardingGoals}); only the filter values' types are checked here, because the boundary receives
 * them already typed.
 */
@Named
@ViewScoped
public class EditGoal implements Serializable {

  private static final long serialVersionUID = 1L;
  static final Map<String, String> LABELS =
      Map.of("code", "Code", "name", "Name", "type", "Type", "event.name", "Event name");

  @Inject OnboardingGoals goals;

  @Inject ConsoleUser console;

  private String code;
  private GoalView goal;
  private boolean missing;
  private String newCode;
  private String name;
  private String type = GoalType.SIMPLE.id();
  private String eventName;
  private List<FilterRow> filters = new ArrayList<>();

  public void load() {
    if (code == null || code.isBlank()) {
      filters.add(new FilterRow());
      return;
    }
    try {
      show(goals.find(code.strip()));
    } catch (WaymarkException e) {
      missing = true;
      Messages.error("Goal '" + code + "' not found.");
    }
  }

  /**
   * Saves and shows the goal's page; stays on the form with one message per problem when something
   * is wrong.
   */
  public String save() {
    if (missing || !console.mayEdit()) {
      return null;
    }
    boolean event = isEvent();
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    if (event) {
      readFilters(properties, problems);
    }
    if (!problems.isEmpty()) {
      problems.forEach(Messages::error);
      return null;
    }
    GoalChange change =
        new GoalChange(
            isCreating() ? strip(newCode) : goal.code(),
            name,
            type,
            event ? strip(eventName) : null,
            event ? properties : Map.of());
    try {
      GoalView saved = isCreating() ? goals.create(change) : goals.update(goal.code(), change);
      Messages.info(isCreating() ? "Goal '" + saved.code() + "' created." : "Saved.");
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      return "/admin/goals/detail.xhtml?faces-redirect=true&code="
          + URLEncoder.encode(saved.code(), StandardCharsets.UTF_8);
    } catch (WaymarkException e) {
      Messages.error(e, LABELS);
      return null;
    }
  }

  private void readFilters(Map<String, Object> properties, List<String> problems) {
    for (FilterRow row : filters) {
      if (row.isBlank()) {
        continue; // an empty row the form offers for the next filter
      }
      String key = strip(row.getKey());
      if (key == null || key.isEmpty()) {
        problems.add("Filter: a property name is required (value '" + row.getValue() + "')");
      } else if (properties.containsKey(key)) {
        problems.add("Filter '" + key + "' is given twice");
      } else {
        Object value = row.typed(problems);
        if (value != null) {
          properties.put(key, value);
        }
      }
    }
  }

  /** Adds an empty filter row to the form; nothing for a user who may not edit goals. */
  public void addFilter() {
    if (console.isCanEdit()) {
      filters.add(new FilterRow());
    }
  }

  /** Removes a filter row from the form; nothing for a user who may not edit goals. */
  public void removeFilter(int index) {
    if (console.isCanEdit() && index >= 0 && index < filters.size()) {
      filters.remove(index);
    }
  }

  private void show(GoalView view) {
    goal = view;
    name = view.name();
    type = view.type().id();
    eventName = view.eventName();
    filters = new ArrayList<>();
    view.eventProperties().forEach((k, v) -> filters.add(FilterRow.of(k, v)));
    if (console.isCanEdit()) {
      filters.add(new FilterRow()); // room for the next filter
    }
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }

  public boolean isCreating() {
    return goal == null && !missing;
  }

  public boolean isMissing() {
    return missing;
  }

  public boolean isEvent() {
    return GoalType.EVENT.id().equals(type);
  }

  public List<String> getValueTypes() {
    return FilterRow.TYPES;
  }

  public GoalView getGoal() {
    return goal;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getNewCode() {
    return newCode;
  }

  public void setNewCode(String newCode) {
    this.newCode = newCode;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getEventName() {
    return eventName;
  }

  public void setEventName(String eventName) {
    this.eventName = eventName;
  }

  public List<FilterRow> getFilters() {
    return filters;
  }
}
