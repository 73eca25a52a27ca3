package io.waymark.segments.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.criteria.CompileContext;
import io.waymark.platform.criteria.Criteria;
import io.waymark.platform.criteria.CriteriaCompiler;
import io.waymark.platform.criteria.CriteriaParser;
import io.waymark.platform.criteria.SavedSegment;
import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.error.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CriteriaCompilerTest {

  private final CriteriaCompiler compiler = StandardCriteria.compiler();
  private final List<FieldError> errors = new ArrayList<>();
  private Map<String, String> saved = Map.of();

  private SqlFragment compile(String json) {
    CompileContext context =
        new CompileContext(
            errors,
            code ->
                Optional.ofNullable(saved.get(code))
                    .map(
                        j ->
                            new SavedSegment.Tree(
                                CriteriaParser.parse(
                                    read(j),
                                    "",
                                    new CompileContext(
                                        new ArrayList<>(), c -> Optional.empty())))));
    Criteria criteria = CriteriaParser.parse(read(json), "criteria", context);
    return criteria == null ? null : compiler.selectIds(criteria, "criteria", context);
  }

  private static JsonValue read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  @Test
  void goalSegmentDefinition() {
    SqlFragment sql =
        compile(
            """
        {"type":"and","nodes":[
          {"type":"criterion","key":"user.field","params":{"field":"active","operator":"eq","value":true}},
          {"type":"criterion","key":"goal.state","params":{"goal_code":"demo","state":"active"}}]}""");
    assertThat(errors).isEmpty();
    assertThat(sql.sql())
        .isEqualTo(
            "select u.id from users u where ((u.active = ?) and (exists (select 1 from user_onboarding_goals ug"
                + " join onboarding_goals g on g.id = ug.onboarding_goal_id where ug.user_id = u.id and g.code = ?"
                + " and ug.completed_at is null and ug.timedout_at is null)))");
    assertThat(sql.params()).containsExactly(true, "demo");
  }

  @Test
  void orNotAndTimeWindows() {
    SqlFragment sql =
        compile(
            """
        {"type":"or","nodes":[
          {"type":"not","nodes":[{"type":"criterion","key":"user.field","params":{"field":"email","operator":"contains","value":"50%_off"}}]},
          {"type":"criterion","key":"goal.state","params":{"goal_code":"g","state":"completed","within_days":7}},
          {"type":"criterion","key":"event.count","params":{"name":"login","operator":"gte","count":3,"within_days":30}},
          {"type":"criterion","key":"user.field","params":{"field":"created_at","operator":"gt","value":"2026-01-01T00:00:00Z"}}]}""");
    assertThat(errors).isEmpty();
    assertThat(sql.sql())
        .contains(
            "(not coalesce((u.email ilike ? escape '\\'), false))",
            "ug.completed_at >= now() - make_interval(days => ?)",
            "(select count(*) from tracked_events e where e.user_id = u.id and e.name = ? and e.occurred_at >= now() - make_interval(days => ?)) >= ?",
            "u.created_at > ?",
            " or ");
    assertThat(sql.params())
        .containsExactly(
            "%50\\%\\_off%", "g", 7, "login", 30, 3L, Instant.parse("2026-01-01T00:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"x' or '1'='1", "'); drop table users; --", "\\\\'", "u.id) or (1=1", "$1", "?"})
  void injectionAttemptsStayValues(String attack) {
    String quoted = Json.createValue(attack).toString();
    for (String criterion :
        List.of(
            "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"email\",\"operator\":\"eq\",\"value\":"
                + quoted
                + "}}",
            "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"public_name\",\"operator\":\"in\",\"value\":["
                + quoted
                + "]}}",
            "{\"type\":\"criterion\",\"key\":\"goal.state\",\"params\":{\"goal_code\":"
                + quoted
                + ",\"state\":\"active\"}}",
            "{\"type\":\"criterion\",\"key\":\"event.count\",\"params\":{\"name\":"
                + quoted
                + ",\"operator\":\"lte\",\"count\":1,\"within_days\":2}}")) {
      errors.clear();
      SqlFragment sql = compile(criterion);
      assertThat(errors).isEmpty();
      assertThat(sql.sql()).doesNotContain(attack.equals("?") ? "??" : attack);
    }
    // where a value names a column or an operator, it is refused rather than used
    errors.clear();
    assertThat(
            compile(
                "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":"
                    + quoted
                    + ",\"operator\":\"eq\",\"value\":\"a\"}}"))
        .isNull();
    assertThat(errors).extracting(FieldError::path).containsExactly("criteria.params.field");
    errors.clear();
    assertThat(
            compile(
                "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"email\",\"operator\":"
                    + quoted
                    + ",\"value\":\"a\"}}"))
        .isNull();
    assertThat(errors).extracting(FieldError::path).containsExactly("criteria.params.operator");
  }

  @Test
  void errorsNameTheFailingNode() {
    assertThat(
            compile(
                """
        {"type":"and","nodes":[
          {"type":"criterion","key":"user.field","params":{"field":"active","operator":"eq","value":true}},
          {"type":"or","nodes":[
            {"type":"criterion","key":"no.such","params":{}},
            {"type":"criterion","key":"user.field","params":{"field":"created_at","operator":"lt","value":"yesterday"}},
            {"type":"criterion","key":"goal.state","params":{"goal_code":"x","state":"done"}}]}]}"""))
        .isNull();
    assertThat(errors)
        .extracting(FieldError::path)
        .containsExactly(
            "criteria.nodes[1].nodes[0].key",
            "criteria.nodes[1].nodes[1].params.value",
            "criteria.nodes[1].nodes[2].params.state");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"+999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "0000-12-31T00:00:00Z"})
  void timesOutsideTheYears1To9999AreRefused(String time) {
    assertThat(
            compile(
                "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":"
                    + "{\"field\":\"created_at\",\"operator\":\"gt\",\"value\":\""
                    + time
                    + "\"}}"))
        .isNull();
    assertThat(errors).extracting(FieldError::path).containsExactly("criteria.params.value");
    errors.clear();
    assertThat(
            compile(
                "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":"
                    + "{\"field\":\"created_at\",\"operator\":\"gt\",\"value\":\"9999-12-31T23:59:59Z\"}}"))
        .isNotNull();
    assertThat(errors).isEmpty();
  }

  @Test
  void malformedTreesAreReportedByPath() {
    assertThat(compile("{\"type\":\"xor\",\"nodes\":[]}")).isNull();
    assertThat(errors).extracting(FieldError::path).containsExactly("criteria.type");
    errors.clear();
    assertThat(
            compile(
                "{\"type\":\"not\",\"nodes\":[{\"type\":\"criterion\",\"key\":\"a\"},{\"type\":\"criterion\",\"key\":\"b\"}]}"))
        .isNull();
    assertThat(errors).extracting(FieldError::path).containsExactly("criteria.nodes");
    errors.clear();
    assertThat(compile("[1]")).isNull();
    assertThat(errors).extracting(FieldError::path).containsExactly("criteria");
  }

  @Test
  void segmentMembershipExpandsAndRefusesCycles() {
    saved =
        Map.of(
            "actives",
                "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"active\",\"operator\":\"eq\",\"value\":true}}",
            "loop-a",
                "{\"type\":\"criterion\",\"key\":\"segment.member\",\"params\":{\"code\":\"loop-b\"}}",
            "loop-b",
                "{\"type\":\"criterion\",\"key\":\"segment.member\",\"params\":{\"code\":\"loop-a\"}}");
    SqlFragment sql =
        compile(
            "{\"type\":\"criterion\",\"key\":\"segment.member\",\"params\":{\"code\":\"actives\"}}");
    assertThat(errors).isEmpty();
    assertThat(sql.sql()).isEqualTo("select u.id from users u where (u.active = ?)");
    assertThat(
            compile(
                "{\"type\":\"criterion\",\"key\":\"segment.member\",\"params\":{\"code\":\"loop-a\"}}"))
        .isNull();
    assertThat(errors).anySatisfy(e -> assertThat(e.message()).contains("refers back"));
    errors.clear();
    assertThat(
            compile(
                "{\"type\":\"criterion\",\"key\":\"segment.member\",\"params\":{\"code\":\"missing\"}}"))
        .isNull();
    assertThat(errors).extracting(FieldError::path).containsExactly("criteria.params.code");
  }

  @Test
  void operatorsMustFitTheField() {
    assertThat(
            compile(
                "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"active\",\"operator\":\"contains\",\"value\":true}}"))
        .isNull();
    assertThat(errors).extracting(FieldError::path).containsExactly("criteria.params.operator");
    errors.clear();
    SqlFragment empty =
        compile(
            "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"confirmed_at\",\"operator\":\"is_empty\"}}");
    assertThat(empty.sql()).endsWith("where (u.confirmed_at is null)");
    assertThat(empty.params()).isEmpty();
  }
}
