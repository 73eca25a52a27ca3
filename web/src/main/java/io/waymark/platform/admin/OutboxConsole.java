package io.waymark.platform.admin;

import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.outbox.OutboxCount;
import io.waymark.platform.outbox.OutboxEntry;
import io.waymark.platform.outbox.OutboxItems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outbox page: items of every channel newest first, keyset-paged by id ({@code ?before=}),
 * filtered by {@code ?channel=} and {@code ?state=}; {@code ?item=} shows one item with its payload
 * (sealed secrets masked), attempts and last error, and — for editors and admins — "retry" on a
 * dead one.
 */
@Named
@RequestScoped
public class OutboxConsole {

  static final int PAGE_SIZE = 50;

  private static final JsonWriterFactory PRETTY =
      JsonSupport.JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  @Inject OutboxItems outbox;

  @Inject ConsoleUser console;

  private String channel;
  private String state;
  private String before;
  private String item;
  private NewestFirstPage<OutboxEntry> page = NewestFirstPage.empty();
  private List<ChannelCounts> counts;
  private OutboxEntry shown;
  private Boolean retryable;

  /**
   * Whether the item is one "retry" applies to (dead after attempts) and the user may retry it.
   * Also asked on the form's postback, where no view action has run: the item is then read from the
   * request's {@code item} parameter.
   */
  public boolean isRetryable() {
    if (retryable == null) {
      retryable = retryableNow();
    }
    return retryable;
  }

  private boolean retryableNow() {
    OutboxEntry entry = shown != null ? shown : requested().flatMap(outbox::find).orElse(null);
    return entry != null
        && "dead".equals(entry.state())
        && entry.attempts() > 0
        && console.isCanEdit();
  }

  /** One channel's counts by state. */
  public record ChannelCounts(
      String channel, long pending, long done, long dead, Instant oldestPendingAt) {}

  public void load() {
    // immutable collections throw on contains(null)
    String channelFilter = channel != null && outbox.channels().contains(channel) ? channel : null;
    String stateFilter = state != null && OutboxItems.STATES.contains(state) ? state : null;
    page =
        NewestFirstPage.load(
            before,
            PAGE_SIZE,
            (cursor, limit) -> outbox.page(channelFilter, stateFilter, null, cursor, limit, null),
            OutboxEntry::id,
            "items");
    if (item != null && !item.isBlank()) {
      shown = parse(item).flatMap(outbox::find).orElse(null);
      if (shown == null) {
        Messages.error("Item '" + item + "' not found.");
      }
    }
  }

  /**
   * Makes the dead item of the form's {@code item} pending again; it is delivered right after. (A
   * postback runs no view action and sets no view parameter: the item comes from the request.)
   */
  public String retry() {
    Optional<Long> id = requested();
    if (!console.mayEdit() || id.isEmpty()) {
      return null;
    }
    if (outbox.retry(id.get())) {
      Messages.info("Item " + id.get() + " is pending again and is being delivered.");
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    } else {
      Messages.error(
          "Item " + id.get() + " is not a dead item that was attempted; nothing was changed.");
      return null;
    }
    return "/admin/outbox/list.xhtml?faces-redirect=true&item=" + id.get();
  }

  /** Per channel, read once per request (the table asks more than once). */
  public List<ChannelCounts> getCounts() {
    if (counts == null) {
      counts = readCounts();
    }
    return counts;
  }

  private List<ChannelCounts> readCounts() {
    Map<String, long[]> byChannel = new TreeMap<>();
    Map<String, Instant> oldest = new TreeMap<>();
    outbox.channels().forEach(c -> byChannel.put(c, new long[3]));
    for (OutboxCount c : outbox.counts()) {
      long[] n = byChannel.computeIfAbsent(c.channel(), k -> new long[3]);
      switch (c.state()) {
        case "pending" -> {
          n[0] = c.items();
          oldest.put(c.channel(), c.oldestCreatedAt());
        }
        case "done" -> n[1] = c.items();
        default -> n[2] = c.items();
      }
    }
    return byChannel.entrySet().stream()
        .map(
            e ->
                new ChannelCounts(
                    e.getKey(),
                    e.getValue()[0],
                    e.getValue()[1],
                    e.getValue()[2],
                    oldest.get(e.getKey())))
        .toList();
  }

  /** The shown item's payload, indented. */
  public String getShownPayload() {
    if (shown == null || shown.payload() == null) {
      return "";
    }
    StringWriter out = new StringWriter();
    try (var writer = PRETTY.createWriter(out)) {
      writer.write(shown.payload());
    }
    return out.toString().strip();
  }

  public List<String> getChannels() {
    return outbox.channels();
  }

  public List<String> getStates() {
    return List.of("pending", "done", "dead");
  }

  /** The item of the request: its {@code item} parameter (a postback's hidden field included). */
  private Optional<Long> requested() {
    String param =
        item != null
            ? item
            : FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("item");
    return param == null ? Optional.empty() : parse(param);
  }

  private static Optional<Long> parse(String id) {
    try {
      return Optional.of(Long.parseLong(id.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public List<OutboxEntry> getItems() {
    return page.items();
  }

  public boolean isHasOlder() {
    return page.hasOlder();
  }

  public Long getOlderCursor() {
    return page.olderCursor();
  }

  public OutboxEntry getShown() {
    return shown;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }

  public String getItem() {
    return item;
  }

  public void setItem(String item) {
    this.item = item;
  }
}
