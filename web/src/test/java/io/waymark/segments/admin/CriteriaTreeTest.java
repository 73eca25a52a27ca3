package io.waymark.segments.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.json.JsonSupport;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The builder's tree against the real criteria registry: JSON in and out, rows and paths, actions,
 * errors at nodes.
 */
class CriteriaTreeTest {

  static final List<CriterionSpec> REGISTRY =
      List.<io.waymark.platform.plugins.Plugin>of(
              new io.waymark.segments.control.UserFieldCriterion(),
              new io.waymark.segments.control.GoalStateCriterion(),
              new io.waymark.segments.control.EventCountCriterion(),
              new io.waymark.segments.control.SegmentMemberCriterion())
          .stream()
          .map(CriterionSpec::of)
          .toList();

  static final String STORED =
      """
      {"type":"and","nodes":[
        {"type":"criterion","key":"user.field","params":{"field":"email","operator":"contains","value":"@acme"}},
        {"type":"or","nodes":[
          {"type":"criterion","key":"goal.state","params":{"goal_code":"demo","state":"completed","within_days":7}},
          {"type":"not","nodes":[{"type":"criterion","key":"event.count","params":{"name":"login","operator":"gte","count":3,"within_days":30}}]}]},
        {"type":"criterion","key":"user.field","params":{"field":"active","operator":"eq","value":false}},
        {"type":"criterion","key":"user.field","params":{"field":"locale","operator":"in","value":["de","fr"]}},
        {"type":"criterion","key":"user.field","params":{"field":"confirmed_at","operator":"is_empty"}},
        {"type":"criterion","key":"segment.member","params":{"code":"vip"}}]}""";

  static JsonValue json(String text) {
    try (var reader = JsonSupport.JSON.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  @Test
  void aStoredTreeReadsAndWritesBackUnchanged() {
    CriteriaTree tree = CriteriaTree.of(json(STORED), REGISTRY);
    assertThat(tree.toJson()).isEqualTo(json(STORED));
  }

  @Test
  void rowsCarryDepthAndTheJsonPathErrorsUse() {
    CriteriaTree tree = CriteriaTree.of(json(STORED), REGISTRY);
    assertThat(tree.getRows())
        .extracting(TreeRow::getPath)
        .containsExactly(
            "criteria",
            "criteria.nodes[0]",
            "criteria.nodes[1]",
            "criteria.nodes[1].nodes[0]",
            "criteria.nodes[1].nodes[1]",
            "criteria.nodes[1].nodes[1].nodes[0]",
            "criteria.nodes[2]",
            "criteria.nodes[3]",
            "criteria.nodes[4]",
            "criteria.nodes[5]");
    assertThat(tree.getRows())
        .extracting(TreeRow::getDepth)
        .containsExactly(0, 1, 1, 2, 2, 3, 1, 1, 1, 1);
    assertThat(tree.getRows())
        .extracting(TreeRow::getSummary)
        .containsExactly(
            "All of (AND)",
            "User field: email contains \"@acme\"",
            "Any of (OR)",
            "Onboarding goal state: goal_code = \"demo\", state = \"completed\", within_days = 7",
            "Not (NOT)",
            "Tracked event count: name = \"login\", operator = \"gte\", count = 3, within_days = 30",
            "User field: active eq false",
            "User field: locale in [\"de\",\"fr\"]",
            "User field: confirmed_at is empty",
            "Member of segment: code = \"vip\"");
  }

  @Test
  void aNewTreeIsAnAndOfActiveUsers() {
    assertThat(CriteriaTree.starter(REGISTRY).toJson())
        .isEqualTo(
            json(
                "{\"type\":\"and\",\"nodes\":[{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"active\",\"operator\":\"eq\",\"value\":true}}]}"));
  }

  @Test
  void aSingleCriterionRootIsShownInsideAnAnd() {
    String single =
        "{\"type\":\"criterion\",\"key\":\"goal.state\",\"params\":{\"goal_code\":\"demo\",\"state\":\"active\"}}";
    assertThat(CriteriaTree.of(json(single), REGISTRY).toJson())
        .isEqualTo(json("{\"type\":\"and\",\"nodes\":[" + single + "]}"));
  }

  @Test
  void textBecomesTheTypesTheRegistryAsksFor() {
    CriteriaTree tree = CriteriaTree.starter(REGISTRY);
    CriteriaNode root = tree.getRoot();
    tree.addCriterion(root.getId());
    CriteriaNode events = root.getNodes().get(1);
    events.setKey("event.count");
    tree.keyChanged(events.getId());
    events.set("name", " signup ");
    events.set("count", "3");
    events.set("within_days", "a week");
    CriteriaNode user = root.getNodes().get(0);
    user.set("field", "email");
    tree.paramChanged(user.getId(), "field");
    assertThat(user.value("value")).isEmpty(); // a text field's value starts empty, not at "true"
    user.set("operator", "eq");
    assertThat(tree.toJson().toString())
        .isEqualTo(
            "{\"type\":\"and\",\"nodes\":["
                + "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"email\",\"operator\":\"eq\",\"value\":\"\"}},"
                + "{\"type\":\"criterion\",\"key\":\"event.count\",\"params\":{\"name\":\"signup\",\"operator\":\"gte\",\"count\":3,\"within_days\":\"a week\"}}]}");
    user.set("field", "created_at");
    assertThat(
            tree.toJson()
                .getJsonArray("nodes")
                .getJsonObject(0)
                .getJsonObject("params")
                .containsKey("value"))
        .isFalse();
    user.set("field", "active");
    tree.paramChanged(user.getId(), "field");
    assertThat(user.value("value")).isEqualTo("true");
  }

  @Test
  void nodesAreAddedAndRemovedAndANotTakesOne() {
    CriteriaTree tree = CriteriaTree.starter(REGISTRY);
    CriteriaNode root = tree.getRoot();
    tree.addGroup(root.getId());
    CriteriaNode group = root.getNodes().get(1);
    assertThat(group.getType()).isEqualTo("and");
    assertThat(group.getNodes()).hasSize(1);
    group.setType("not");
    assertThat(tree.getRows().get(2).isCanAdd()).isFalse();
    group.setType("criterion");
    assertThat(group.getType()).as("a group stays a group").isEqualTo("not");
    tree.remove(group.getNodes().get(0).getId());
    assertThat(tree.getRows()).hasSize(3);
    assertThat(tree.getRows().get(2).isCanAdd()).isTrue();
    tree.remove(group.getId());
    tree.remove(root.getId());
    assertThat(tree.getRows())
        .extracting(TreeRow::getPath)
        .containsExactly("criteria", "criteria.nodes[0]");
  }

  @Test
  void errorsLandAtTheDeepestNodeTheirPathNames() {
    CriteriaTree tree = CriteriaTree.starter(REGISTRY);
    for (int i = 0; i < 10; i++) {
      tree.addCriterion(tree.getRoot().getId());
    }
    List<FieldError> others =
        tree.attach(
            List.of(
                new FieldError("criteria.nodes[10].params.value", "must be a string"),
                new FieldError("criteria.nodes[1].key", "unknown criterion 'x'"),
                new FieldError("criteria.nodes", "must be a non-empty array"),
                new FieldError(
                    "criteria.nodes[2].params.code.nodes[0].params.goal_code", "is required"),
                new FieldError("name", "is required")));
    assertThat(others).containsExactly(new FieldError("name", "is required"));
    assertThat(tree.getRoot().getErrors()).containsExactly("conditions: must be a non-empty array");
    assertThat(tree.getRoot().getNodes().get(10).getErrors())
        .containsExactly("value: must be a string");
    assertThat(tree.getRoot().getNodes().get(1).getErrors())
        .containsExactly("criterion: unknown criterion 'x'");
    assertThat(tree.getRoot().getNodes().get(2).getErrors())
        .containsExactly("code.nodes[0].params.goal_code: is required");
    assertThat(tree.hasErrors()).isTrue();
    tree.clearErrors();
    assertThat(tree.hasErrors()).isFalse();
  }

  @Test
  void picksOfferTheChoicesAndKeepAStoredValueThatIsNotAmongThem() {
    String stored =
        "{\"type\":\"and\",\"nodes\":[{\"type\":\"criterion\",\"key\":\"goal.state\",\"params\":{\"goal_code\":\"gone\",\"state\":\"active\"}}]}";
    CriteriaTree tree =
        CriteriaTree.of(json(stored), REGISTRY)
            .choices("goal.state", "goal_code", List.of("demo", "trial"));
    TreeRow row = tree.getRows().get(1);
    ParamField goal = row.getNode().getParams().get(0);
    ParamField state = row.getNode().getParams().get(1);
    ParamField within = row.getNode().getParams().get(2);
    assertThat(row.input(goal)).isEqualTo(TreeRow.SELECT);
    assertThat(row.options(goal)).containsExactly("", "demo", "trial", "gone");
    assertThat(row.options(state)).containsExactly("active", "completed", "timed_out");
    assertThat(row.input(within)).isEqualTo(TreeRow.TEXT);
    CriteriaNode user = tree.criterion("user.field");
    TreeRow userRow = new TreeRow(tree, user, 1, "x");
    ParamField value = user.getParams().get(2);
    assertThat(userRow.input(value)).isEqualTo(TreeRow.BOOLEAN);
    assertThat(userRow.options(value)).containsExactly("true", "false");
    user.set("operator", "is_empty");
    assertThat(userRow.input(value)).isEqualTo(TreeRow.NONE);
  }

  @Test
  void theTreeSurvivesSerialisationWithTheView() throws Exception {
    CriteriaTree tree =
        CriteriaTree.of(json(STORED), REGISTRY).choices("goal.state", "goal_code", List.of("demo"));
    tree.getRows();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(tree);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(((CriteriaTree) in.readObject()).toJson()).isEqualTo(json(STORED));
    }
  }
}
