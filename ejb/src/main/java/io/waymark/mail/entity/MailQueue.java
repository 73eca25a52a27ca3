package io.waymark.mail.entity;

import io.waymark.platform.db.Jdbc;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code mail_outbox} table, in the caller's transaction (plain JDBC: written by scenario jobs
 * in bulk).
 */
@Dependent
public class MailQueue {

  /** What a new message carries. */
  public record NewMail(
      String uniqueKey,
      String templateCode,
      long userId,
      String recipient,
      String subject,
      String htmlBody,
      String textBody) {}

  private static final int MAX_ERROR = 1000;
  private static final String COLUMNS =
      "id, unique_key, template_code, user_id, recipient, subject, %s, %s, status, attempts,"
          + " created_at, next_attempt_at, finished_at, last_error";

  @Inject Jdbc jdbc;

  /**
   * Queues the message unless one with the same unique key exists; returns the id of the one that
   * is queued.
   */
  public long add(NewMail mail, Instant now) {
    Optional<Long> id =
        jdbc.first(
            """
            insert into mail_outbox (unique_key, template_code, user_id, recipient, subject, html_body, text_body, created_at, next_attempt_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (unique_key) do nothing returning id""",
            rs -> rs.getLong(1),
            mail.uniqueKey(),
            mail.templateCode(),
            mail.userId(),
            mail.recipient(),
            mail.subject(),
            mail.htmlBody(),
            mail.textBody(),
            now,
            now);
    return id.orElseGet(
        () ->
            jdbc.first(
                    "select id from mail_outbox where unique_key = ?",
                    rs -> rs.getLong(1),
                    mail.uniqueKey())
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "mail_outbox row of key " + mail.uniqueKey() + " vanished")));
  }

  /**
   * Records a message that can never be sent (its template failed for this user): {@code failed} at
   * once with the reason, so the sender never claims it; the same unique key records once. Returns
   * the id of the message with that key.
   */
  public long addFailed(NewMail mail, String reason, Instant now) {
    Optional<Long> id =
        jdbc.first(
            """
            insert into mail_outbox (unique_key, template_code, user_id, recipient, subject, html_body, text_body,
                                     status, created_at, next_attempt_at, finished_at, last_error)
            values (?, ?, ?, ?, ?, ?, ?, 'failed', ?, ?, ?, ?) on conflict (unique_key) do nothing returning id""",
            rs -> rs.getLong(1),
            mail.uniqueKey(),
            mail.templateCode(),
            mail.userId(),
            mail.recipient(),
            mail.subject(),
            mail.htmlBody(),
            mail.textBody(),
            now,
            now,
            now,
            truncate(reason));
    return id.orElseGet(() -> existing(mail.uniqueKey()));
  }

  private long existing(String uniqueKey) {
    return jdbc.first(
            "select id from mail_outbox where unique_key = ?", rs -> rs.getLong(1), uniqueKey)
        .orElseThrow(
            () -> new IllegalStateException("mail_outbox row of key " + uniqueKey + " vanished"));
  }

  /**
   * Claims up to {@code limit} due messages (SKIP LOCKED: servers never claim the same row), counts
   * the attempt and reserves each row until {@code leaseUntil}, after which a row whose server died
   * is due again.
   */
  public List<ClaimedMail> claim(Instant now, int limit, Instant leaseUntil) {
    // the limit is written into the text (an int, never user input) so the plan knows how few rows
    // are wanted
    return jdbc.list(
        """
            with due as (select id from mail_outbox where status = 'pending' and next_attempt_at <= ?
                         order by next_attempt_at, id limit %d for update skip locked)
            update mail_outbox m set attempts = m.attempts + 1, next_attempt_at = ?
            from due where m.id = due.id
            returning m.id, m.recipient, m.subject, m.html_body, m.text_body, m.attempts"""
            .formatted(limit),
        rs ->
            new ClaimedMail(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6)),
        now,
        leaseUntil);
  }

  /** {@code status}: {@code sent}, {@code stored} or {@code failed}. */
  public void finish(long id, String status, String error, Instant now) {
    jdbc.update(
        "update mail_outbox set status = ?, finished_at = ?, last_error = ? where id = ? and status = 'pending'",
        status,
        now,
        truncate(error),
        id);
  }

  public void retryAt(long id, Instant at, String error) {
    jdbc.update(
        "update mail_outbox set next_attempt_at = ?, last_error = ? where id = ? and status = 'pending'",
        at,
        truncate(error),
        id);
  }

  /** Forgets finished rows older than {@code before}. */
  public int purge(Instant before) {
    return jdbc.update(
        "delete from mail_outbox where status <> 'pending' and finished_at < ?", before);
  }

  /**
   * Newest first, keyset by id: the rows with ids below {@code beforeId} (all when null); bodies
   * left out.
   */
  public List<OutboxRow> page(Long beforeId, int limit, String status) {
    StringBuilder sql =
        new StringBuilder(
            "select " + COLUMNS.formatted("null", "null") + " from mail_outbox where true");
    List<Object> params = new java.util.ArrayList<>();
    if (beforeId != null) {
      sql.append(" and id < ?");
      params.add(beforeId);
    }
    if (status != null) {
      sql.append(" and status = ?");
      params.add(status);
    }
    sql.append(" order by id desc limit ").append(limit);
    return jdbc.list(sql.toString(), MailQueue::row, params.toArray());
  }

  public Optional<OutboxRow> find(long id) {
    return jdbc.first(
        "select " + COLUMNS.formatted("html_body", "text_body") + " from mail_outbox where id = ?",
        MailQueue::row,
        id);
  }

  private static OutboxRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
    long userId = rs.getLong(4);
    Long user = rs.wasNull() ? null : userId;
    return new OutboxRow(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        user,
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getInt(10),
        Jdbc.instant(rs, 11),
        Jdbc.instant(rs, 12),
        Jdbc.instant(rs, 13),
        rs.getString(14));
  }

  private static String truncate(String error) {
    return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
  }
}
