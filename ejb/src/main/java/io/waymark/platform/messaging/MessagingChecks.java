package io.waymark.platform.messaging;

import io.waymark.platform.db.Sql;
import io.waymark.platform.error.WaymarkException;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Messaging self-test for operators: a check row is written, then a message naming it is sent
 * inside a transaction; the consumer stamps the row when the message arrives. With {@code rollback}
 * the sending transaction is rolled back, and the message must never arrive.
 */
@Stateless
public class MessagingChecks {

  public static final String QUEUE = "java:app/jms/MessagingCheckQueue";

  public record Check(long id, Instant createdAt, Instant receivedAt) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject JMSContext jms;

  @Resource(lookup = QUEUE)
  Queue queue;

  @Resource SessionContext context;

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Check start(boolean rollback) {
    MessagingChecks self = context.getBusinessObject(MessagingChecks.class);
    long id = self.create();
    self.send(id, rollback);
    return find(id);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long create() {
    Number id =
        (Number)
            em.createNativeQuery(
                    "insert into messaging_checks (created_at) values (?1) returning id")
                .setParameter(1, clock.instant())
                .getSingleResult();
    return id.longValue();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void send(long id, boolean rollback) {
    jms.createProducer().send(queue, id);
    if (rollback) {
      context.setRollbackOnly();
    }
  }

  public void markReceived(long id) {
    em.createNativeQuery(
            "update messaging_checks set received_at = ?1 where id = ?2 and received_at is null")
        .setParameter(1, clock.instant())
        .setParameter(2, id)
        .executeUpdate();
  }

  public Check find(long id) {
    var rows =
        em.createNativeQuery(
                "select id, created_at, received_at from messaging_checks where id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw WaymarkException.notFound(
          "messaging_check_not_found", "messaging check '" + id + "' not found");
    }
    Object[] row = (Object[]) rows.get(0);
    return new Check(((Number) row[0]).longValue(), Sql.instant(row[1]), Sql.instant(row[2]));
  }
}
