package io.waymark.it.segments;

import static io.waymark.it.support.ApiAssertions.assertDenied;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Goals;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SegmentsIT {

  private static boolean check(String segment, String type, Object value) {
    Api.Reply reply =
        Api.bootstrap()
            .get(
                "/api/v1/user-segments/check?code="
                    + segment
                    + "&resolver_type="
                    + type
                    + "&resolver_value="
                    + value);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getBoolean("check");
  }

  @Test
  void everyGoalHasALockedGoalSegmentRenamedWithIt() {
    String code = Goals.createSimple("seg");
    JsonObject segment =
        Api.bootstrap().get("/api/v1/segments/onboarding_" + code).json().getJsonObject("segment");
    assertThat(segment.getBoolean("locked")).isTrue();
    assertThat(segment.getString("group_code")).isEqualTo("onboarding");
    assertThat(segment.getString("name")).isEqualTo("Targeting onboarding goal: Goal " + code);
    Api.bootstrap().put("/api/v1/onboarding-goals/" + code, "{\"name\":\"Renamed " + code + "\"}");
    assertThat(
            Api.bootstrap()
                .get("/api/v1/segments/onboarding_" + code)
                .json()
                .getJsonObject("segment")
                .getString("name"))
        .isEqualTo("Targeting onboarding goal: Renamed " + code);
    Api.Reply edit =
        Api.bootstrap().put("/api/v1/segments/onboarding_" + code, "{\"name\":\"mine now\"}");
    assertThat(edit.status()).isEqualTo(409);
    assertThat(edit.json().getString("code")).isEqualTo("locked");
    JsonObject listed =
        Api.bootstrap().get("/api/v1/user-segments/list?group_code=onboarding").json();
    assertThat(
            listed.getJsonArray("segments").stream().map(v -> v.asJsonObject().getString("code")))
        .contains("onboarding_" + code);
    assertThat(
            listed
                .getJsonArray("segments")
                .getJsonObject(0)
                .getJsonObject("group")
                .getString("code"))
        .isEqualTo("onboarding");
  }

  @Test
  void goalSegmentMembershipFollowsAssignCompleteAndTimeout() {
    String code = Goals.createSimple("member");
    String segment = "onboarding_" + code;
    long user = Goals.user();
    assertThat(check(segment, "id", user)).isFalse();
    Goals.assign(code, user, null);
    assertThat(check(segment, "id", user)).isTrue();
    Goals.complete(code, user);
    assertThat(check(segment, "id", user)).isFalse();
    Goals.assign(code, user, null);
    assertThat(check(segment, "id", user)).isTrue();
    Goals.timeout(code, user);
    assertThat(check(segment, "id", user)).isFalse();
    assertThat(check(segment, "id", 999999994)).isFalse();
  }

  @Test
  void criteriaSegmentsCountStreamAndCheck() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String a = "seg-a-" + marker + "@it.example.com";
    String b = "seg-b-" + marker + "@it.example.com";
    Api.createUser(a, null);
    Api.createUser(b, null);
    String criteria =
        "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"email\",\"operator\":\"contains\",\"value\":\""
            + marker
            + "\"}}";
    assertThat(
            Api.bootstrap()
                .post("/api/v1/segments/count", "{\"criteria\":" + criteria + "}")
                .json()
                .getJsonNumber("count")
                .longValue())
        .isEqualTo(2);
    String code = "seg-" + marker;
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\""
                    + code
                    + "\",\"name\":\"Marker "
                    + marker
                    + "\",\"criteria\":"
                    + criteria
                    + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getJsonObject("segment").getBoolean("locked")).isFalse();
    Api.Reply users = Api.bootstrap().get("/api/v1/user-segments/users?code=" + code);
    assertThat(users.status()).isEqualTo(200);
    assertThat(
            users.json().getJsonArray("users").stream()
                .map(v -> v.asJsonObject().getString("email")))
        .containsExactly(a, b);
    assertThat(check(code, "email", a.toUpperCase())).isTrue();
    assertThat(check(code, "email", "nobody-" + marker + "@example.com")).isFalse();
    JsonObject recounted =
        Api.bootstrap()
            .post("/api/v1/segments/" + code + "/recount", "")
            .json()
            .getJsonObject("segment");
    assertThat(recounted.getJsonNumber("count").longValue()).isEqualTo(2);
    JsonObject stats =
        Api.bootstrap().get("/api/v1/segments/daily-count-stats?segment_code=" + code).json();
    assertThat(stats.getJsonArray("stats")).hasSize(1);
    assertThat(stats.getJsonArray("stats").getJsonObject(0).getJsonNumber("count").longValue())
        .isEqualTo(2);
  }

  @Test
  void aSegmentCannotReachBackToItself() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String a = "cyc-a-" + marker;
    String b = "cyc-b-" + marker;
    String email =
        "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"email\",\"operator\":\"contains\",\"value\":\""
            + marker
            + "\"}}";
    assertThat(
            Api.bootstrap()
                .post(
                    "/api/v1/segments",
                    "{\"code\":\"" + a + "\",\"name\":\"A\",\"criteria\":" + email + "}")
                .status())
        .isEqualTo(201);
    assertThat(
            Api.bootstrap()
                .post(
                    "/api/v1/segments",
                    "{\"code\":\"" + b + "\",\"name\":\"B\",\"criteria\":" + member(a) + "}")
                .status())
        .isEqualTo(201);

    Api.Reply self =
        Api.bootstrap().put("/api/v1/segments/" + a, "{\"criteria\":" + member(a) + "}");
    assertThat(self.status()).as(self.body()).isEqualTo(400);
    assertThat(self.json().getJsonArray("errors").toString()).contains("refers back to itself");
    Api.Reply through =
        Api.bootstrap().put("/api/v1/segments/" + a, "{\"criteria\":" + member(b) + "}");
    assertThat(through.status()).as(through.body()).isEqualTo(400);
    assertThat(through.json().getJsonArray("errors").toString()).contains("refers back to itself");
    // nothing changed: A still counts by its e-mail criterion
    assertThat(Api.bootstrap().get("/api/v1/segments/" + a).body())
        .contains(marker)
        .doesNotContain("segment.member");
  }

  /**
   * The check remembers each segment's compiled SQL: a change of its definition, or of one it
   * refers to, shows at once.
   */
  @Test
  void checksFollowDefinitionChangesOfTheSegmentAndOfTheSegmentsItRefersTo() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String x = "chk-x-" + marker + "@it.example.com";
    String y = "chk-y-" + marker + "@it.example.com";
    long xId = Api.createUser(x, null).getJsonNumber("id").longValue();
    long yId = Api.createUser(y, null).getJsonNumber("id").longValue();
    String inner = "chk-in-" + marker;
    String outer = "chk-out-" + marker;
    assertThat(
            Api.bootstrap()
                .post(
                    "/api/v1/segments",
                    "{\"code\":\"" + inner + "\",\"name\":\"Inner\",\"criteria\":" + email(x) + "}")
                .status())
        .isEqualTo(201);
    assertThat(
            Api.bootstrap()
                .post(
                    "/api/v1/segments",
                    "{\"code\":\""
                        + outer
                        + "\",\"name\":\"Outer\",\"criteria\":"
                        + member(inner)
                        + "}")
                .status())
        .isEqualTo(201);
    assertThat(check(outer, "id", xId)).isTrue();
    assertThat(check(outer, "id", yId)).isFalse();
    assertThat(check(outer, "email", y)).isFalse();

    // the referred segment changes: the outer segment's remembered SQL (which inlined it) must not
    // answer any more
    assertThat(
            Api.bootstrap()
                .put("/api/v1/segments/" + inner, "{\"criteria\":" + email(y) + "}")
                .status())
        .isEqualTo(200);
    assertThat(check(outer, "id", xId)).isFalse();
    assertThat(check(outer, "id", yId)).isTrue();
    assertThat(check(outer, "email", y.toUpperCase())).isTrue();

    // the segment itself changes
    assertThat(
            Api.bootstrap()
                .put("/api/v1/segments/" + outer, "{\"criteria\":" + email(x) + "}")
                .status())
        .isEqualTo(200);
    assertThat(check(outer, "id", xId)).isTrue();
    assertThat(check(outer, "id", yId)).isFalse();
    // a rename is no definition change and keeps answering
    assertThat(
            Api.bootstrap()
                .put("/api/v1/segments/" + outer, "{\"name\":\"Outer renamed\"}")
                .status())
        .isEqualTo(200);
    assertThat(check(outer, "email", x)).isTrue();
  }

  private static String email(String address) {
    return "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"email\",\"operator\":\"eq\",\"value\":\""
        + address
        + "\"}}";
  }

  private static String member(String code) {
    return "{\"type\":\"criterion\",\"key\":\"segment.member\",\"params\":{\"code\":\""
        + code
        + "\"}}";
  }

  @Test
  void errorsNameTheNodeAndUnknownCodesAre404() {
    Api.Reply bad =
        Api.bootstrap()
            .post(
                "/api/v1/segments/count",
                "{\"criteria\":{\"type\":\"and\",\"nodes\":["
                    + "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"password_hash\",\"operator\":\"eq\",\"value\":\"x\"}}]}}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("code")).isEqualTo("payload_error");
    assertThat(bad.json().getJsonArray("errors").toString())
        .contains("criteria.nodes[0].params.field");
    Api.Reply unknown =
        Api.bootstrap()
            .get(
                "/api/v1/user-segments/check?code=nope-"
                    + UUID.randomUUID()
                    + "&resolver_type=id&resolver_value=1");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("code")).isEqualTo("segment_not_found");
    Api.Reply resolver =
        Api.bootstrap()
            .get("/api/v1/user-segments/check?code=x&resolver_type=phone&resolver_value=1");
    assertThat(resolver.status()).isEqualTo(400);
    assertThat(resolver.json().getString("message")).isEqualTo("Invalid parameter 'resolver_type'");
  }

  @Test
  void rawSqlNeedsItsOwnGrantAndMustOnlyRead() {
    String code = "raw-" + UUID.randomUUID().toString().substring(0, 8);
    String body =
        "{\"code\":\""
            + code
            + "\",\"name\":\"Raw\",\"sql\":\"select id from users where active\"}";
    var token = Api.createToken(null, "segments.create");
    assertDenied(
        Api.withToken(token.getKey()).post("/api/v1/segments", body),
        "Token has no access to resource [segments.raw-sql]");
    Api.Reply writes =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\"" + code + "\",\"name\":\"Raw\",\"sql\":\"delete from users\"}");
    assertThat(writes.status()).isEqualTo(422);
    assertThat(writes.json().getJsonArray("errors").toString()).contains("sql");
    Api.Reply twoStatements =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\""
                    + code
                    + "\",\"name\":\"Raw\",\"sql\":\"select id from users; select 1\"}");
    assertThat(twoStatements.status()).isEqualTo(422);
    Api.Reply created = Api.bootstrap().post("/api/v1/segments", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getJsonObject("segment").getString("sql"))
        .isEqualTo("select id from users where active");
  }
}
