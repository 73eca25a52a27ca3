package io.waymark.platform.outbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every {@link OutboxChannel} bean, by name (two channels of one name fail the deployment). */
@ApplicationScoped
public class OutboxChannels {

  @Inject @Any Instance<OutboxChannel> beans;

  private final Map<String, OutboxChannel> byName = new TreeMap<>();

  @PostConstruct
  void register() {
    for (OutboxChannel channel : beans) {
      if (byName.putIfAbsent(channel.name(), channel) != null) {
        throw new IllegalStateException("Two outbox channels are named " + channel.name());
      }
    }
  }

  public Optional<OutboxChannel> channel(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** The lease of every channel that is on: the channels the outbox delivers now. */
  Map<String, Duration> leasesOfEnabled() {
    Map<String, Duration> leases = new LinkedHashMap<>();
    byName.forEach(
        (name, channel) -> {
          if (channel.enabled()) {
            leases.put(name, channel.policy().lease());
          }
        });
    return leases;
  }

  OutboxChannel require(String name) {
    OutboxChannel channel = byName.get(name);
    if (channel == null) {
      throw new IllegalArgumentException("No outbox channel named " + name);
    }
    return channel;
  }
}
