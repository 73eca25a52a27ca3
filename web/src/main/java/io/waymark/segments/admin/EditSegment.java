package io.waymark.segments.admin;

import io.waymark.goals.boundary.GoalView;
import io.waymark.goals.boundary.OnboardingGoals;
import io.waymark.platform.admin.ConsoleUser;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.json.JsonSupport;
import io.waymark.segments.boundary.SegmentChange;
import io.waymark.segments.boundary.SegmentGroup;
import io.waymark.segments.boundary.SegmentKind;
import io.waymark.segments.boundary.SegmentView;
import io.waymark.segments.boundary.Segments;
import io.waymark.segments.control.RawSql;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The segment builder: creating a segment ({@code edit.xhtml}) or editing one ({@code ?code=}). The
 * definition is a criteria tree edited node by node (see {@link CriteriaTree}) with a live count of
 * the tree as it stands, or — for admins — raw SQL; a static segment has no definition (its members
 * are added on its page). Editors and admins change criteria and static segments; raw SQL is
 * admins' only; locked segments and everything a viewer opens are read-only, and every action
 * checks the role again. Validation is the boundary's; its errors about nodes are shown next to the
 * nodes.
 */
@Named
@ViewScoped
public class EditSegment implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String CRITERIA = "criteria";
  static final String SQL = "sql";
  static final String STATIC = "static";
  static final Map<String, String> LABELS =
      Map.of(
          "code",
          "Code",
          "name",
          "Name",
          "group_code",
          "Group",
          "sql",
          "SQL",
          "criteria",
          "Conditions");

  @Inject Segments segments;

  @Inject OnboardingGoals goals;

  @Inject ConsoleUser console;

  private String code;
  private SegmentView segment;
  private boolean missing;
  private String newCode;
  private String name;
  private String groupCode = "default";
  private String definition = CRITERIA;
  private String sql;
  private CriteriaTree tree;
  private String loadedCriteria;
  private List<SegmentGroup> groups = List.of();
  private Long liveCount;

  public void load() {
    List<CriterionSpec> registry = segments.criteria().stream().map(CriterionSpec::of).toList();
    groups = segments.groups();
    if (code == null || code.isBlank()) {
      tree = withChoices(CriteriaTree.starter(registry));
      return;
    }
    try {
      segment = segments.find(code.strip());
    } catch (WaymarkException e) {
      missing = true;
      Messages.error("Segment '" + code + "' not found.");
      return;
    }
    name = segment.name();
    groupCode = segment.groupCode();
    if (segment.isStatic()) {
      definition = STATIC;
      tree = withChoices(CriteriaTree.starter(registry));
    } else if (segment.sql() != null) {
      definition = SQL;
      sql = segment.sql();
      tree = withChoices(CriteriaTree.starter(registry));
    } else {
      try (var reader = JsonSupport.JSON.createReader(new StringReader(segment.criteria()))) {
        tree = withChoices(CriteriaTree.of(reader.readValue(), registry));
      }
      loadedCriteria = tree.toJson().toString();
    }
  }

  /**
   * Goal codes for {@code goal.state}, the other criteria and static segments for {@code
   * segment.member}.
   */
  private CriteriaTree withChoices(CriteriaTree fresh) {
    String self = segment == null ? null : segment.code();
    return fresh
        .choices(
            "goal.state", "goal_code", goals.list().stream().map(GoalView::code).sorted().toList())
        .choices(
            "segment.member",
            "code",
            segments.list(null).stream()
                .filter(s -> s.referable() && !s.code().equals(self))
                .map(SegmentView::code)
                .sorted()
                .toList());
  }

  /**
   * Counts the users the tree as it stands selects, without saving it; problems are shown at their
   * nodes.
   */
  public void count() {
    liveCount = null;
    if (tree == null || !CRITERIA.equals(definition)) {
      return;
    }
    tree.clearErrors();
    try {
      liveCount = segments.count(tree.toJson());
    } catch (WaymarkException e) {
      showErrors(e, "nothing was counted");
    } catch (EJBException e) {
      Messages.error("Counting failed: " + SegmentDetail.cause(e));
    }
  }

  /**
   * Saves and shows the segment's page; stays on the builder with the problems shown when something
   * is wrong.
   */
  public String save() {
    if (missing || !console.mayEdit()) {
      return null;
    }
    if (segment != null && segment.locked()) {
      Messages.error(LockedSegments.reason(segment) + " Nothing was saved.");
      return null;
    }
    boolean rawSql = isSqlDefinition();
    if ((rawSql || segment != null && segment.sql() != null) && !console.mayAdminister()) {
      return null;
    }
    tree.clearErrors();
    liveCount = null;
    try {
      SegmentView saved = isCreating() ? create(rawSql) : update(rawSql);
      Messages.info(isCreating() ? "Segment '" + saved.code() + "' created." : "Saved.");
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      return "/admin/segments/detail.xhtml?faces-redirect=true&code="
          + URLEncoder.encode(saved.code(), StandardCharsets.UTF_8);
    } catch (WaymarkException e) {
      showErrors(e, "nothing was saved");
      return null;
    }
  }

  private SegmentView create(boolean rawSql) {
    if (isStaticDefinition()) {
      return segments.create(
          new SegmentChange(
              strip(newCode), blankToNull(name), groupCode, SegmentKind.STATIC, null, null, null),
          false);
    }
    if (rawSql) {
      segments.checkRawSql(sql);
    }
    return segments.create(
        new SegmentChange(
            strip(newCode),
            blankToNull(name),
            groupCode,
            rawSql ? null : tree.toJson(),
            rawSql ? sql : null),
        rawSql);
  }

  /** Sends the definition only when it changed, so a rename keeps the cached count. */
  private SegmentView update(boolean rawSql) {
    if (segment.isStatic()) {
      return segments.update(
          segment.code(), new SegmentChange(null, name, groupCode, null, null), false);
    }
    boolean sqlChanged =
        rawSql
            && (sql == null
                || segment.sql() == null
                || !RawSql.normalised(sql).equals(segment.sql()));
    JsonObject criteria = rawSql ? null : tree.toJson();
    boolean criteriaChanged = criteria != null && !criteria.toString().equals(loadedCriteria);
    if (sqlChanged) {
      segments.checkRawSql(sql);
    }
    return segments.update(
        segment.code(),
        new SegmentChange(
            null, name, groupCode, criteriaChanged ? criteria : null, sqlChanged ? sql : null),
        sqlChanged);
  }

  private void showErrors(WaymarkException e, String outcome) {
    if (e.errors().isEmpty()) {
      Messages.error(e.getMessage());
      return;
    }
    List<FieldError> others = isSqlDefinition() ? e.errors() : tree.attach(e.errors());
    for (FieldError error : others) {
      Messages.error(LABELS.getOrDefault(error.path(), error.path()) + ": " + error.message());
    }
    if (tree.hasErrors()) {
      Messages.error("Some conditions have problems, shown next to them; " + outcome + ".");
    }
  }

  // --- the tree's actions (ajax); nothing changes for a user who may not edit this segment

  public void addCriterion(int parentId) {
    if (!isReadOnly()) {
      tree.addCriterion(parentId);
      liveCount = null;
    }
  }

  public void addGroup(int parentId) {
    if (!isReadOnly()) {
      tree.addGroup(parentId);
      liveCount = null;
    }
  }

  public void remove(int id) {
    if (!isReadOnly()) {
      tree.remove(id);
      liveCount = null;
    }
  }

  public void keyChanged(int id) {
    if (!isReadOnly()) {
      tree.keyChanged(id);
      liveCount = null;
    }
  }

  public void paramChanged(int id, String param) {
    if (!isReadOnly()) {
      tree.paramChanged(id, param);
      liveCount = null;
    }
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  // --- what the page shows

  public boolean isCreating() {
    return segment == null && !missing;
  }

  public boolean isMissing() {
    return missing;
  }

  public boolean isLocked() {
    return segment != null && segment.locked();
  }

  /** Viewers, locked segments and (for non-admins) raw-SQL segments: shown, not changed. */
  public boolean isReadOnly() {
    return missing
        || !console.isCanEdit()
        || isLocked()
        || (segment != null && segment.sql() != null && !console.isAdmin());
  }

  /**
   * A new segment is defined by conditions, raw SQL (admins) or is static; admins may switch an
   * existing segment between conditions and SQL. A static segment stays static.
   */
  public boolean isMayChooseDefinition() {
    return !isReadOnly() && (isCreating() || console.isAdmin() && !segment.isStatic());
  }

  /** A choice of the "Defined by" radio. */
  public record Choice(String value, String label) {}

  public List<Choice> getDefinitionChoices() {
    List<Choice> choices = new ArrayList<>();
    choices.add(new Choice(CRITERIA, "conditions"));
    if (console.isAdmin()) {
      choices.add(new Choice(SQL, "raw SQL (admins)"));
    }
    if (isCreating()) {
      choices.add(new Choice(STATIC, "a list of members (static)"));
    }
    return choices;
  }

  public boolean isSqlDefinition() {
    return SQL.equals(definition);
  }

  public boolean isStaticDefinition() {
    return STATIC.equals(definition);
  }

  public String getLockedReason() {
    return LockedSegments.reason(segment);
  }

  public String getLockedGoal() {
    return LockedSegments.goalCode(segment);
  }

  public SegmentView getSegment() {
    return segment;
  }

  public CriteriaTree getTree() {
    return tree;
  }

  public List<SegmentGroup> getGroups() {
    return groups;
  }

  public Long getLiveCount() {
    return liveCount;
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

  public String getGroupCode() {
    return groupCode;
  }

  public void setGroupCode(String groupCode) {
    this.groupCode = groupCode;
  }

  public String getDefinition() {
    return definition;
  }

  public void setDefinition(String definition) {
    this.definition =
        SQL.equals(definition) || STATIC.equals(definition) && isCreating()
            ? definition
            : segment != null && segment.isStatic() ? STATIC : CRITERIA;
  }

  public String getSql() {
    return sql;
  }

  public void setSql(String sql) {
    this.sql = sql;
  }
}
