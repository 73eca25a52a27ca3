package io.waymark.it.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Raw-SQL segments run as the sandbox login (read-only, a 5 s statement timeout on the IT server,
 * column grants only, no server functions): each probe of issue #14 is refused at save (422 on
 * {@code sql}) or fails at count / check with a clear 422, and leaves nothing behind.
 */
class RawSqlSandboxIT {

  private static String code() {
    return "sbx-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private static Api.Reply save(String code, String sql) {
    String body =
        Json.createObjectBuilder()
            .add("code", code)
            .add("name", "Sandbox probe")
            .add("sql", sql)
            .build()
            .toString();
    return Api.bootstrap().post("/api/v1/segments", body);
  }

  /**
   * The SQL is refused at save: a 422 naming {@code sql}, with the database's or parser's reason.
   */
  private static String refusedAtSave(String sql) {
    String code = code();
    Api.Reply reply = save(code, sql);
    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    assertThat(reply.json().getString("code")).isEqualTo("validation_error");
    assertThat(reply.json().getJsonArray("errors").getJsonObject(0).containsKey("sql")).isTrue();
    assertThat(Api.bootstrap().get("/api/v1/segments/" + code).status()).isEqualTo(404);
    return reply.json().getString("message");
  }

  @Test
  void serverFilesCannotBeRead() {
    assertThat(refusedAtSave("select id from users where pg_read_file('/etc/hostname') <> ''"))
        .contains("permission denied for function pg_read_file");
    assertThat(refusedAtSave("select id from users where exists (select 1 from pg_ls_dir('.'))"))
        .contains("permission denied for function pg_ls_dir");
  }

  @Test
  void largeObjectsCannotBeCreated() {
    Object before = Db.single("select count(*) from pg_largeobject_metadata");
    assertThat(refusedAtSave("select lo_create(0)::bigint as id"))
        .contains("permission denied for function lo_create");
    assertThat(refusedAtSave("select id from users where lo_from_bytea(0, 'x'::bytea) is not null"))
        .contains("permission denied for function lo_from_bytea");
    assertThat(Db.single("select count(*) from pg_largeobject_metadata")).isEqualTo(before);
  }

  @Test
  void settingsAndSequencesCannotBeChanged() {
    assertThat(
            refusedAtSave(
                "select id from users where set_config('statement_timeout', '0', false) is not null"))
        .contains("permission denied for function set_config");
    // setval runs only when rows are fetched: accepted at save, it fails at count and check
    Object before = Db.single("select last_value from users_id_seq");
    String code = code();
    Api.Reply saved = save(code, "select setval('users_id_seq', 1) as id");
    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    Api.Reply recount = Api.bootstrap().post("/api/v1/segments/" + code + "/recount", "");
    assertThat(recount.status()).as(recount.body()).isEqualTo(422);
    assertThat(recount.json().getString("message"))
        .containsAnyOf("permission denied for sequence users_id_seq", "read-only transaction");
    Api.Reply check =
        Api.bootstrap()
            .get("/api/v1/user-segments/check?code=" + code + "&resolver_type=id&resolver_value=1");
    assertThat(check.status()).as(check.body()).isEqualTo(422);
    assertThat(Db.single("select last_value from users_id_seq")).isEqualTo(before);
  }

  @Test
  void otherSessionsCannotBeTerminated() throws SQLException {
    try (Connection victim = Db.connectAs("waymark");
        Statement s = victim.createStatement();
        ResultSet pid = s.executeQuery("select pg_backend_pid()")) {
      pid.next();
      assertThat(
              refusedAtSave(
                  "select id from users where pg_terminate_backend(" + pid.getInt(1) + ")"))
          .contains("permission denied for function pg_terminate_backend");
      assertThat(victim.isValid(5)).isTrue();
    }
  }

  @Test
  void advisoryLocksCannotBeTaken() {
    assertThat(refusedAtSave("select id from users where pg_advisory_lock(4242) is not null"))
        .contains("permission denied for function pg_advisory_lock");
    assertThat(
            Db.single("select count(*) from pg_locks where locktype = 'advisory' and objid = 4242"))
        .isEqualTo(0L);
  }

  @Test
  void sleepsHiddenFromAPatternAreStillRefused() {
    // E'\'' is one quote to PostgreSQL: a pattern that strips '...' strings took pg_sleep for text
    assertThat(
            refusedAtSave(
                "select id from users where E'\\'' = '' or pg_sleep(1) is null or '' = ''"))
        .isNotBlank();
    assertThat(
            refusedAtSave(
                "select id from users where $$'$$ <> '' and pg_sleep(1) is null and $$'$$ <> ''"))
        .isNotBlank();
    assertThat(refusedAtSave("select id from users where pg_sleep(1) is null"))
        .contains("permission denied for function pg_sleep");
  }

  @Test
  void sleepsPerRowThroughQueryToXmlAreRefused() {
    assertThat(
            refusedAtSave(
                "select id from users where query_to_xml('select pg_sleep(0.5)', false, false, '')"
                    + " is not null"))
        .contains("permission denied for function query_to_xml");
  }

  @Test
  void aRunawayQueryIsStoppedByTheTimeoutAtCountAndCheck() {
    String code = code();
    // about 10^9 rows (streamed, nothing materialised): accepted (it only reads), stopped after the
    // IT server's 5 s
    Api.Reply saved =
        save(code, "select g.id from (select generate_series(1, 1000000000) as id) g");
    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    Api.Reply recount = Api.bootstrap().post("/api/v1/segments/" + code + "/recount", "");
    assertThat(recount.status()).as(recount.body()).isEqualTo(422);
    assertThat(recount.json().getString("message"))
        .contains("stopped after 5000 ms (waymark.segments.raw-sql-timeout)");
    Api.Reply check =
        Api.bootstrap()
            .get("/api/v1/user-segments/check?code=" + code + "&resolver_type=id&resolver_value=0");
    assertThat(check.status()).as(check.body()).isEqualTo(422);
    assertThat(check.json().getString("message")).contains("stopped after");
  }

  @Test
  void theIdMustBeAnInteger() {
    assertThat(refusedAtSave("select email as id from users"))
        .contains("its id column must be an integer");
    assertThat(refusedAtSave("select created_at as id from users"))
        .contains("its id column must be an integer");
    assertThat(refusedAtSave("select id, email from users")).contains("exactly one column");
  }

  @Test
  void secretsAndOtherFeaturesTablesCannotBeRead() {
    assertThat(refusedAtSave("select id from users where password_hash is not null"))
        .contains("permission denied for table users");
    assertThat(refusedAtSave("select user_id as id from user_tokens"))
        .contains("permission denied for table user_tokens");
    assertThat(refusedAtSave("select id from api_tokens")).contains("permission denied");
  }

  @Test
  void theSandboxLoginReadsOnlyTheGrantedColumns() throws SQLException {
    Set<String> readable = new HashSet<>();
    try (Connection sandbox = Db.connectAs("waymark_segments");
        Statement s = sandbox.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "select c.table_name || '.' || c.column_name from information_schema.columns c"
                  + " where c.table_schema = 'public' and has_column_privilege("
                  + "('public.' || quote_ident(c.table_name))::regclass, c.column_name, 'select')")) {
        while (rs.next()) {
          readable.add(rs.getString(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "select current_setting('default_transaction_read_only'), rolsuper"
                  + " from pg_roles where rolname = current_user")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("on");
        assertThat(rs.getBoolean(2)).isFalse();
      }
      assertThatThrownBy(() -> s.executeQuery("select password_hash from users").close())
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.executeUpdate("update users set active = active"))
          .hasMessageContaining("read-only transaction");
    }
    assertThat(readable)
        .containsExactlyInAnyOrder(
            "users.id",
            "users.uuid",
            "users.email",
            "users.public_name",
            "users.first_name",
            "users.last_name",
            "users.active",
            "users.created_at",
            "users.confirmed_at",
            "users.locale",
            "users.timezone",
            "users.fields",
            "onboarding_goals.id",
            "onboarding_goals.code",
            "onboarding_goals.name",
            "onboarding_goals.type",
            "onboarding_goals.event_name",
            "onboarding_goals.created_at",
            "onboarding_goals.updated_at",
            "user_onboarding_goals.id",
            "user_onboarding_goals.user_id",
            "user_onboarding_goals.onboarding_goal_id",
            "user_onboarding_goals.created_at",
            "user_onboarding_goals.updated_at",
            "user_onboarding_goals.completed_at",
            "user_onboarding_goals.timedout_at",
            "user_onboarding_goals.expires_at",
            "tracked_events.id",
            "tracked_events.user_id",
            "tracked_events.name",
            "tracked_events.occurred_at",
            "tracked_events.received_at",
            "tracked_events.properties",
            "point_groups.id",
            "point_groups.code",
            "point_groups.name",
            "user_points.id",
            "user_points.user_id",
            "user_points.group_id",
            "user_points.points",
            "user_points.created_at",
            "segments.id",
            "segments.code",
            "segments.kind",
            "segment_members.segment_id",
            "segment_members.user_id",
            "segment_members.added_at",
            "segment_definitions_version.version");
  }
}
