package io.waymark.it.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.SegmentChecks;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Custom user fields (issue #17 item 2): definitions, typed values by patch, criteria on them. */
class UserFieldsIT {

  private static final String M =
      UUID.randomUUID().toString().replaceAll("[^a-z0-9]", "").substring(0, 8);
  private static final String PLAN = "plan_" + M;
  private static final String SEATS = "seats_" + M;
  private static final String RENEWS = "renews_" + M;
  private static final String VIP = "vip_" + M;

  @BeforeAll
  static void define() {
    Map<String, String> types =
        Map.of(PLAN, "string", SEATS, "number", RENEWS, "date", VIP, "boolean");
    types.forEach(
        (code, type) -> {
          Api.Reply created =
              Api.bootstrap()
                  .post(
                      "/api/v1/user-fields",
                      "{\"code\":\""
                          + code
                          + "\",\"label\":\"L "
                          + code
                          + "\",\"type\":\""
                          + type
                          + "\"}");
          assertThat(created.status()).as(created.body()).isEqualTo(201);
          assertThat(created.json().getJsonObject("field").getString("type")).isEqualTo(type);
        });
  }

  private static long user() {
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/users",
                "{\"email\":\"fields-" + UUID.randomUUID() + "-" + M + "@it.example.com\"}");
    assertThat(created.status()).isEqualTo(201);
    return created.json().getJsonObject("user").getJsonNumber("id").longValue();
  }

  private static Api.Reply patch(long id, String fields) {
    return Api.bootstrap().send("PATCH", "/api/v1/users/" + id, "{\"fields\":" + fields + "}");
  }

  @Test
  void definitionsAreCheckedListedAndUnique() {
    Api.Reply taken =
        Api.bootstrap()
            .post(
                "/api/v1/user-fields",
                "{\"code\":\"" + PLAN + "\",\"label\":\"Again\",\"type\":\"string\"}");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().getString("code")).isEqualTo("code_taken");
    Api.Reply bad =
        Api.bootstrap()
            .post("/api/v1/user-fields", "{\"code\":\"Plan X\",\"label\":\"\",\"type\":\"text\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"code\":").contains("\"type\":");
    assertThat(bad.body()).contains("\"label\":"); // blank: required
    List<String> codes = new ArrayList<>();
    Api.bootstrap()
        .get("/api/v1/user-fields")
        .json()
        .getJsonArray("fields")
        .forEach(f -> codes.add(f.asJsonObject().getString("code")));
    assertThat(codes).contains(PLAN, SEATS, RENEWS, VIP);
    // the segment builder's catalogue offers them
    assertThat(Api.bootstrap().get("/api/v1/segments/criteria").body())
        .contains("\"fields." + PLAN + "\"", "\"fields." + RENEWS + "\"");
  }

  @Test
  void valuesAreTypedMergedAndStamped() {
    long id = user();
    Api.Reply set =
        patch(
            id,
            "{\""
                + PLAN
                + "\":\"pro\",\""
                + SEATS
                + "\":5,\""
                + RENEWS
                + "\":\"2027-01-31\",\""
                + VIP
                + "\":true}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    JsonObject fields = set.json().getJsonObject("user").getJsonObject("fields");
    assertThat(fields.getString(PLAN)).isEqualTo("pro");
    assertThat(fields.getJsonNumber(SEATS).intValue()).isEqualTo(5);
    assertThat(fields.getString(RENEWS)).isEqualTo("2027-01-31");
    assertThat(fields.getBoolean(VIP)).isTrue();
    assertThat(
            Api.bootstrap()
                .get("/api/v1/users/" + id)
                .json()
                .getJsonObject("user")
                .getJsonObject("fields"))
        .isEqualTo(fields);

    Api.Reply bad =
        patch(
            id,
            "{\"" + SEATS + "\":\"five\",\"" + RENEWS + "\":\"31.1.2027\",\"nope_" + M + "\":1}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body())
        .contains("\"fields." + SEATS + "\":")
        .contains("\"fields." + RENEWS + "\":\"must be a date, YYYY-MM-DD\"")
        .contains("\"fields.nope_" + M + "\":");

    Api.Reply cleared = patch(id, "{\"" + VIP + "\":null,\"" + SEATS + "\":5.0}");
    assertThat(cleared.status()).isEqualTo(200);
    JsonObject after = cleared.json().getJsonObject("user").getJsonObject("fields");
    assertThat(after.containsKey(VIP)).isFalse();
    assertThat(after.getJsonNumber(SEATS).intValue()).isEqualTo(5);
    // 5.0 is the 5 it had: only the four sets and the clear were stamped
    Map<String, String> stamps = new TreeMap<>();
    try (var reader =
        jakarta.json.Json.createReader(
            new java.io.StringReader(
                (String) Db.single("select field_changed_at::text from users where id = ?", id)))) {
      reader.readObject().forEach((k, v) -> stamps.put(k, ((JsonString) v).getString()));
    }
    assertThat(stamps)
        .containsOnlyKeys("fields." + PLAN, "fields." + SEATS, "fields." + RENEWS, "fields." + VIP);
  }

  @Test
  void criteriaCompareCustomFieldsInTheirTypes() {
    long a = user();
    long b = user();
    assertThat(
            patch(
                    a,
                    "{\""
                        + PLAN
                        + "\":\"pro\",\""
                        + SEATS
                        + "\":5,\""
                        + RENEWS
                        + "\":\"2027-01-31\",\""
                        + VIP
                        + "\":true}")
                .status())
        .isEqualTo(200);
    assertThat(
            patch(b, "{\"" + PLAN + "\":\"free\",\"" + SEATS + "\":1,\"" + VIP + "\":false}")
                .status())
        .isEqualTo(200);
    Map<String, List<Boolean>> rows = new TreeMap<>();
    rows.put(custom(PLAN, "eq", "\"PRO\""), List.of(true, false));
    rows.put(custom(PLAN, "contains", "\"re\""), List.of(false, true));
    rows.put(custom(SEATS, "gt", "3"), List.of(true, false));
    rows.put(custom(SEATS, "in", "[1,2]"), List.of(false, true));
    rows.put(custom(RENEWS, "lt", "\"2027-06-01\""), List.of(true, false));
    rows.put(custom(RENEWS, "exists", null), List.of(true, false));
    rows.put(custom(RENEWS, "is_empty", null), List.of(false, true));
    rows.put(custom(VIP, "eq", "true"), List.of(true, false));
    rows.put(custom(VIP, "ne", "true"), List.of(false, true));
    List<String> wrong = new ArrayList<>();
    int i = 0;
    for (var row : rows.entrySet()) {
      String code = "cf-" + M + "-" + i++;
      String criteria =
          "{\"type\":\"and\",\"nodes\":[{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"email\",\"operator\":\"contains\",\"value\":\""
              + M
              + "\"}},"
              + row.getKey()
              + "]}";
      Api.Reply created =
          Api.bootstrap()
              .post(
                  "/api/v1/segments",
                  "{\"code\":\"" + code + "\",\"name\":\"CF\",\"criteria\":" + criteria + "}");
      assertThat(created.status()).as(row.getKey() + ": " + created.body()).isEqualTo(201);
      List<Boolean> actual = List.of(SegmentChecks.member(code, a), SegmentChecks.member(code, b));
      if (!actual.equals(row.getValue())) {
        wrong.add(row.getKey() + " -> " + actual);
      }
    }
    assertThat(wrong).isEmpty();
    // an undefined field or a value that does not convert is refused at save
    Api.Reply refused =
        Api.bootstrap()
            .post(
                "/api/v1/segments/count", "{\"criteria\":" + custom(SEATS, "gt", "\"many\"") + "}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(
            Api.bootstrap()
                .post(
                    "/api/v1/segments/count",
                    "{\"criteria\":" + custom("nope_" + M, "eq", "1") + "}")
                .status())
        .isEqualTo(400);
  }

  private static String custom(String code, String operator, String value) {
    return "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"fields."
        + code
        + "\",\"operator\":\""
        + operator
        + "\""
        + (value == null ? "" : ",\"value\":" + value)
        + "}}";
  }
}
