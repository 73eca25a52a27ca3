package io.waymark.segments.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawSqlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select id from users where active",
        "select u.id from users u where u.email like '%@example.com';",
        "SELECT ID FROM users",
        "select user_id as id from tracked_events where name = 'login' group by user_id",
        "with recent as (select user_id from tracked_events) select user_id as id from recent",
        "select id from users where locale = 'de' union select id from users where locale = 'fr'",
        "select id from users -- the active ones\n where active",
        "select id::bigint as id from users"
      })
  void acceptsOneSelectOfIds(String sql) {
    assertThat(RawSql.problem(sql)).isNull();
  }

  @Test
  void refusesWhatIsNoSelect() {
    assertThat(RawSql.problem("delete from users")).contains("must be a SELECT");
    assertThat(RawSql.problem("update users set active = false")).contains("must be a SELECT");
    assertThat(RawSql.problem("insert into users (id) values (1)")).contains("must be a SELECT");
    assertThat(RawSql.problem("drop table users")).contains("must be a SELECT");
  }

  @Test
  void refusesSeveralStatements() {
    assertThat(RawSql.problem("select id from users; select 1")).contains("single statement");
    assertThat(RawSql.problem("select id from users; delete from users"))
        .contains("single statement");
  }

  @Test
  void refusesDataChangingCtesLocksAndSelectInto() {
    assertThat(RawSql.problem("with gone as (delete from users returning id) select id from gone"))
        .contains("WITH queries must be SELECTs");
    assertThat(RawSql.problem("select id from users for update")).contains("only read");
    assertThat(RawSql.problem("select id into copied from users")).contains("only read");
  }

  @Test
  void refusesAnythingButOneIdColumn() {
    assertThat(RawSql.problem("select id, email from users")).contains("exactly one column");
    assertThat(RawSql.problem("select * from users")).contains("named id");
    assertThat(RawSql.problem("select email from users")).contains("named id");
    assertThat(RawSql.problem("select 1")).contains("named id");
    assertThat(RawSql.problem("select email as ident from users")).contains("named id");
  }

  @Test
  void nameIsCheckedButTypeIsTheDatabases() {
    // the name is id; that it is text is found when the SQL is test-planned (SegmentSql)
    assertThat(RawSql.problem("select email as id from users")).isNull();
  }

  @Test
  void refusesWhatItCannotParseAndEmptyOrHugeText() {
    assertThat(RawSql.problem("select id from from users")).contains("is not a SELECT");
    assertThat(RawSql.problem("  ")).isEqualTo("is required");
    assertThat(RawSql.problem(null)).isEqualTo("is required");
    assertThat(RawSql.problem("select id from users where " + "true and ".repeat(3000) + "true"))
        .contains("at most");
  }
}
