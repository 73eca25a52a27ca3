package io.waymark.mail.admin;

import io.waymark.mail.boundary.MailOutbox;
import io.waymark.mail.boundary.OutboxMessage;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.admin.NewestFirstPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;

/**
 * The mail outbox, newest first, keyset-paged by id ({@code ?before=} the last id shown gives the
 * older page), optionally one status ({@code ?status=}); {@code ?message=} shows one message with
 * its bodies.
 */
@Named
@RequestScoped
public class OutboxList {

  static final int PAGE_SIZE = 50;
  private static final Set<String> STATUSES = Set.of("pending", "sent", "stored", "dead");

  @Inject MailOutbox outbox;

  private String before;
  private String status;
  private String message;
  private NewestFirstPage<OutboxMessage> page = NewestFirstPage.empty();
  private OutboxMessage shown;

  public void load() {
    String filter = status != null && STATUSES.contains(status) ? status : null;
    page =
        NewestFirstPage.load(
            before,
            PAGE_SIZE,
            (cursor, limit) -> outbox.page(cursor, limit, filter),
            OutboxMessage::id,
            "messages");
    if (message != null && !message.isBlank()) {
      try {
        shown = outbox.find(Long.parseLong(message.strip())).orElse(null);
      } catch (NumberFormatException e) {
        shown = null;
      }
      if (shown == null) {
        Messages.error("Message '" + message + "' not found.");
      }
    }
  }

  public List<String> getStatuses() {
    return List.of("pending", "sent", "stored", "dead");
  }

  public List<OutboxMessage> getItems() {
    return page.items();
  }

  public boolean isHasOlder() {
    return page.hasOlder();
  }

  public Long getOlderCursor() {
    return page.olderCursor();
  }

  public OutboxMessage getShown() {
    return shown;
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
