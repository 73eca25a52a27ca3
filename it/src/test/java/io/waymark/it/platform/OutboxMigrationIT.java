package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The upgrade to one outbox (V19) moves what the three old outboxes held, nothing lost and nothing
 * to send twice: pending rows stay pending with their attempts and due times, finished rows stay
 * finished with their outcome (never delivered again), mail keeps its ids (the API answered them),
 * REMP rows keep their order per user and segment. On a scratch database of the suite's server,
 * migrated by the shipped SQL up to V18, filled, then migrated by V19.
 */
class OutboxMigrationIT {

  private static final Path MIGRATIONS = Path.of("../ejb/src/main/resources/db/migration");
  private static final Pattern VERSION = Pattern.compile("V(\\d+)(?:_(\\d+))?__.*\\.sql");
  private static final String URL =
      System.getProperty("it.jdbc-url", "jdbc:postgresql://127.0.0.1:28432/waymark");

  @Test
  void theThreeOutboxesRowsAreMovedOverWithTheirStates() throws Exception {
    String scratch = "outbox_migration_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection admin = DriverManager.getConnection(URL, "postgres", Db.password("postgres"));
        Statement s = admin.createStatement()) {
      s.execute("create database " + scratch + " owner waymark");
    }
    try {
      try (Connection c =
          DriverManager.getConnection(
              URL.replaceAll("/[^/]+$", "/" + scratch), "waymark", Db.password("waymark"))) {
        for (Path file : migrations()) {
          if (version(file) >= 19_00) {
            break;
          }
          run(c, Files.readString(file));
        }
        run(
            c,
            """
            insert into mail_outbox (id, unique_key, template_code, user_id, recipient, subject, html_body, text_body,
                                     status, attempts, created_at, next_attempt_at, finished_at, last_error)
            overriding system value values
              (41, 'scenario-job:7', 'welcome', 5, 'a@example.com', 'Hi', '<p>Hi</p>', 'Hi', 'pending', 2,
               now() - interval '1 hour', now() + interval '5 minutes', null, 'timeout'),
              (42, null, 'welcome', 5, 'a@example.com', 'Hi', '<p>Hi</p>', 'Hi', 'sent', 1, now(), now(), now(), null),
              (43, 'k3', 'welcome', 6, 'b@example.com', 'Hi', '', '', 'failed', 0, now(), now(), now(), 'template');
            insert into scenario_webhook_deliveries (job_id, url, headers, body, state, attempts, due_at, last_status,
                                                     last_error, created_at, delivered_at) values
              (900, 'https://example.com/a', '{"X-A":"wms1:k:abc"}', '{"user_id":5}', 'pending', 2,
               now() + interval '20 seconds', 503, 'HTTP 503', now(), null),
              (901, 'https://example.com/b', '{}', '{"user_id":6}', 'delivered', 1, now(), 204, null, now(), now()),
              (902, 'https://example.com/c', '{}', '{"user_id":7}', 'failed', 5, now(), 500, 'HTTP 500', now(), null);
            insert into remp_segment_outbox (user_id, segment_code, action, status, attempts, created_at,
                                             next_attempt_at, finished_at, last_error) values
              (5, 'onboarding_a', 'add-user', 'pending', 1, now(), now(), null, 'HTTP 502'),
              (5, 'onboarding_a', 'remove-user', 'pending', 0, now(), now(), null, null),
              (6, 'onboarding_a', 'add-user', 'ignored', 1, now(), now(), now(), 'HTTP 404');
            """);
        run(c, Files.readString(MIGRATIONS.resolve("V19__platform_one_outbox.sql")));

        assertThat(
                rows(
                    c,
                    "select id, channel, unique_key, state, coalesce(outcome, ''), attempts, coalesce(last_error, '')"
                        + " from outbox_items where channel = 'mail' order by id"))
            .containsExactly(
                List.of("41", "mail", "scenario-job:7", "pending", "", "2", "timeout"),
                List.of("42", "mail", "mail_outbox:42", "done", "sent", "1", ""),
                List.of("43", "mail", "k3", "dead", "", "0", "template"));
        assertThat(
                rows(
                    c,
                    "select payload ->> 'recipient', payload ->> 'html_body', payload ->> 'user_id',"
                        + " (due_at > now())::text from outbox_items where id = 41"))
            .containsExactly(List.of("a@example.com", "<p>Hi</p>", "5", "true"));
        assertThat(
                rows(
                    c,
                    "select unique_key, state, coalesce(outcome, ''), attempts, coalesce(last_status::text, ''),"
                        + " payload -> 'headers' ->> 'X-A', payload ->> 'body' from outbox_items"
                        + " where channel = 'webhook' order by unique_key"))
            .containsExactly(
                List.of("900", "pending", "", "2", "503", "wms1:k:abc", "{\"user_id\":5}"),
                Stream.of("901", "done", "delivered", "1", "204", null, "{\"user_id\":6}").toList(),
                Stream.of("902", "dead", "", "5", "500", null, "{\"user_id\":7}").toList());
        assertThat(
                rows(
                    c,
                    "select sequence_key, payload ->> 'action', state, coalesce(outcome, '')"
                        + " from outbox_items where channel = 'remp' order by id"))
            .containsExactly(
                List.of("5:onboarding_a", "add-user", "pending", ""),
                List.of("5:onboarding_a", "remove-user", "pending", ""),
                List.of("6:onboarding_a", "add-user", "done", "ignored"));
        assertThat(
                rows(
                    c,
                    "select count(*) from information_schema.tables where table_name in"
                        + " ('mail_outbox', 'scenario_webhook_deliveries', 'remp_segment_outbox')"))
            .containsExactly(List.of("0"));
        // new items come after every moved one
        assertThat(
                rows(
                    c,
                    "insert into outbox_items (channel, unique_key, payload, due_at, created_at)"
                        + " values ('mail', 'new', '{}', now(), now())"
                        + " returning (id > (select max(id) from outbox_items where unique_key <> 'new'))::text"))
            .containsExactly(List.of("true"));
      }
    } finally {
      try (Connection admin =
              DriverManager.getConnection(URL, "postgres", Db.password("postgres"));
          Statement s = admin.createStatement()) {
        s.execute("drop database if exists " + scratch);
      }
    }
  }

  private static List<Path> migrations() throws Exception {
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      return files
          .filter(f -> VERSION.matcher(f.getFileName().toString()).matches())
          .sorted(Comparator.comparingInt(OutboxMigrationIT::version))
          .toList();
    }
  }

  /** V18_1 → 1801. */
  private static int version(Path file) {
    Matcher m = VERSION.matcher(file.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(file.toString());
    }
    return Integer.parseInt(m.group(1)) * 100
        + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
  }

  private static void run(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<List<String>> rows(Connection c, String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
