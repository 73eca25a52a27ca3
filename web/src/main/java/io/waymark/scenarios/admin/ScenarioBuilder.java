package io.waymark.scenarios.admin;

import io.waymark.goals.boundary.GoalView;
import io.waymark.goals.boundary.OnboardingGoals;
import io.waymark.mail.boundary.EmailTemplates;
import io.waymark.platform.admin.ConsoleUser;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.plugins.Param;
import io.waymark.scenarios.boundary.DatedEventView;
import io.waymark.scenarios.boundary.Scenarios;
import io.waymark.scenarios.engine.boundary.ScenarioStatistics;
import io.waymark.segments.boundary.SegmentView;
import io.waymark.segments.boundary.Segments;
import io.waymark.users.boundary.FieldDefinition;
import io.waymark.users.boundary.UserFields;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;

/**
 * The visual scenario builder ({@code builder.xhtml}, {@code ?id=} for an existing scenario). The
 * graph is edited in the browser (resources/scenarios/builder*.js) as the scenario document of SPEC
 * §6, which travels in a hidden field; name and enabled are ordinary fields. Saving is the
 * boundary's ({@link Scenarios#save}), and so is validation: its errors about an element are shown
 * on that element's node and in the message list. An existing scenario shows the engine's
 * per-element statistics on its nodes. Editors and admins save; viewers see the graph read-only.
 */
@Named
@ViewScoped
public class ScenarioBuilder implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(ScenarioBuilder.class.getName());

  /** The parts of the document the builder edits; the timestamps and the rest are the server's. */
  private static final List<String> EDITED =
      List.of("triggers", "elements", "exit", "reentry", "visual");

  @Inject Scenarios scenarios;

  @Inject OnboardingGoals goals;

  @Inject Segments segments;

  @Inject UserFields userFields;

  @Inject ScenarioStatistics statistics;

  @Inject EmailTemplates templates;

  @Inject ConsoleUser console;

  private String id;
  private Long scenarioId;
  private boolean missing;
  private boolean deleted;
  private String name;
  private boolean enabled;
  private String document = "{}";
  private String errors = "{}";
  private String choices = "{}";
  private String stats = "";

  public void load() {
    choices = choices();
    if (id == null || id.isBlank()) {
      return;
    }
    try {
      show(scenarios.info(Long.parseLong(id.strip())));
      stats = stats(scenarioId);
    } catch (NumberFormatException | WaymarkException e) {
      missing = true;
      Messages.error("Scenario '" + id + "' not found.");
    }
  }

  /**
   * Saves and reopens the scenario ({@code ?id=}); stays on the builder with the problems shown
   * when it is not valid.
   */
  public String save() {
    if (missing || deleted || !console.mayEdit()) {
      return null;
    }
    errors = "{}";
    JsonObject edited;
    try (var reader =
        JsonSupport.JSON.createReader(new StringReader(document == null ? "{}" : document))) {
      edited = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      Messages.error(
          "The builder sent no readable scenario (" + e.getMessage() + "); nothing was saved.");
      return null;
    }
    try {
      JsonObject saved = scenarios.save(toSave(edited));
      Messages.info(
          scenarioId == null
              ? "Scenario '" + saved.getString("name", name) + "' created."
              : "Saved.");
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      return "/admin/scenarios/builder.xhtml?faces-redirect=true&id="
          + saved.getJsonNumber("id").longValue();
    } catch (WaymarkException e) {
      showErrors(e, edited);
      return null;
    } catch (EJBException e) {
      LOG.log(Level.WARNING, () -> "Saving scenario " + scenarioId + " failed", e);
      Messages.error(
          "Saving failed (" + rootMessage(e) + "); nothing was saved. The graph is still here.");
      return null;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private JsonObject toSave(JsonObject edited) {
    JsonObjectBuilder doc = JsonSupport.JSON.createObjectBuilder();
    if (scenarioId != null) {
      doc.add("id", scenarioId);
    }
    doc.add("name", name == null ? "" : name.strip()).add("enabled", enabled);
    for (String part : EDITED) {
      JsonValue value = edited.get(part);
      if (value instanceof JsonObject || value instanceof jakarta.json.JsonArray) {
        doc.add(part, value);
      } else if (!part.equals("exit") && !part.equals("reentry")) {
        doc.add(part, JsonValue.EMPTY_JSON_OBJECT); // the graph's parts; the rules default
      }
    }
    return doc.build();
  }

  private void showErrors(WaymarkException e, JsonObject edited) {
    if (e.errors().isEmpty()) {
      Messages.error(e.getMessage() + " Nothing was saved.");
      return;
    }
    ScenarioBuilderErrors shown = ScenarioBuilderErrors.of(e.errors(), edited);
    shown.lines().forEach(Messages::error);
    JsonObjectBuilder byNode = JsonSupport.JSON.createObjectBuilder();
    shown
        .byNode()
        .forEach(
            (uuid, messages) -> byNode.add(uuid, JsonSupport.JSON.createArrayBuilder(messages)));
    errors = byNode.build().toString();
    if (!shown.byNode().isEmpty()) {
      Messages.error("The elements marked red have problems; nothing was saved.");
    }
  }

  private void show(JsonObject scenario) {
    scenarioId = scenario.getJsonNumber("id").longValue();
    name = scenario.getString("name", "");
    enabled = scenario.getBoolean("enabled", false);
    deleted = scenario.get("deleted_at") instanceof JsonString;
    if (deleted) {
      Messages.error("This scenario is deleted: restore it from the scenario list to change it.");
    }
    JsonObjectBuilder doc = JsonSupport.JSON.createObjectBuilder().add("id", scenarioId);
    for (String part : EDITED) {
      JsonValue value = scenario.get(part);
      if (value instanceof JsonObject || value instanceof jakarta.json.JsonArray) {
        doc.add(part, value);
      }
    }
    document = doc.build().toString();
  }

  /**
   * The per-element figures drawn on the nodes; none (and a log line) when the engine cannot tell.
   */
  private String stats(long scenario) {
    try {
      return ScenarioBuilderStats.of(statistics.forScenario(scenario)).toString();
    } catch (WaymarkException | EJBException e) {
      LOG.log(Level.WARNING, () -> "No statistics for scenario " + scenario, e);
      return "";
    }
  }

  /** What the side panel offers: goal codes, segment codes, email template codes. */
  private String choices() {
    return JsonSupport.JSON
        .createObjectBuilder()
        .add("goals", array(goals.list().stream().map(GoalView::code).sorted().toList()))
        .add(
            "segments",
            array(segments.list(null).stream().map(SegmentView::code).sorted().toList()))
        .add("templates", array(templates.codes()))
        .build()
        .toString();
  }

  /**
   * The palette: the trigger vocabulary's scenario codes and the element types this server runs,
   * from the registries validation and the engine read.
   */
  public String getRegistry() {
    JsonArrayBuilder triggers = JsonSupport.JSON.createArrayBuilder();
    scenarios
        .triggers()
        .forEach(
            t -> {
              JsonObjectBuilder trigger =
                  JsonSupport.JSON
                      .createObjectBuilder()
                      .add("code", t.scenarioCode())
                      .add("label", t.label());
              if (t.matchParam() != null) {
                trigger.add("option", t.matchParam());
              }
              triggers.add(trigger);
            });
    beforeEvents(triggers);
    JsonArrayBuilder elements = JsonSupport.JSON.createArrayBuilder();
    scenarios
        .elementTypes()
        .forEach(
            e ->
                elements.add(
                    JsonSupport.JSON
                        .createObjectBuilder()
                        .add("key", e.key())
                        .add("label", e.label())
                        .add("negative", e.negativeBranch())
                        .add("variants", e.variants())
                        .add("params", params(e.params()))));
    return JsonSupport.JSON
        .createObjectBuilder()
        .add("triggers", triggers)
        .add("elements", elements)
        .build()
        .toString();
  }

  /**
   * The before-event triggers offered: one per dated event, a kind taking a field's code once per
   * custom field of type date ({@code field:renews}, "Before Renews").
   */
  private void beforeEvents(JsonArrayBuilder triggers) {
    for (DatedEventView event : scenarios.datedEvents()) {
      // the options after minutes: the one the trigger matches on (goal_code), if any
      String option = event.options().size() > 1 ? event.options().get(1).name() : null;
      if (!event.code().endsWith(":<code>")) {
        triggers.add(beforeEvent(event.code(), event.label(), option));
        continue;
      }
      String prefix = event.code().substring(0, event.code().length() - "<code>".length());
      List<FieldDefinition> dates =
          userFields.list().stream().filter(f -> f.type().equals("date")).toList();
      for (FieldDefinition field : dates) {
        // two fields of one label are told apart by their codes
        boolean shared = dates.stream().filter(f -> f.label().equals(field.label())).count() > 1;
        String label = "Before " + field.label() + (shared ? " (" + field.code() + ")" : "");
        triggers.add(beforeEvent(prefix + field.code(), label, option));
      }
    }
  }

  private static JsonObjectBuilder beforeEvent(String code, String label, String option) {
    JsonObjectBuilder trigger =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("code", code)
            .add("label", label)
            .add("type", "before_event");
    return option == null ? trigger : trigger.add("option", option);
  }

  private static JsonArrayBuilder params(List<Param> params) {
    JsonArrayBuilder out = JsonSupport.JSON.createArrayBuilder();
    params.forEach(
        p ->
            out.add(
                JsonSupport.JSON
                    .createObjectBuilder()
                    .add("name", p.name())
                    .add("type", p.type())
                    .add("required", p.required())
                    .add("description", p.description())));
    return out;
  }

  private static JsonArrayBuilder array(Collection<String> codes) {
    return JsonSupport.JSON.createArrayBuilder(codes);
  }

  // --- what the page shows

  public boolean isCreating() {
    return scenarioId == null && !missing;
  }

  public boolean isMissing() {
    return missing;
  }

  public boolean isReadOnly() {
    return missing || deleted || !console.isCanEdit();
  }

  public Long getScenarioId() {
    return scenarioId;
  }

  public String getErrors() {
    return errors;
  }

  /** Empty for a new scenario (nothing to show). */
  public String getStats() {
    return stats;
  }

  public String getChoices() {
    return choices;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getDocument() {
    return document;
  }

  public void setDocument(String document) {
    this.document = document;
  }
}
