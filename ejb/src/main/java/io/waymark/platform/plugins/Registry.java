package io.waymark.platform.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugins of one kind by key (and alias), listed by {@link Plugin#order()} and key. Two plugins
 * claiming one key is a deployment error, found when the registry is built.
 */
public final class Registry<T extends Plugin> {

  private final List<T> all;
  private final Map<String, T> byKey;

  private Registry(List<T> all, Map<String, T> byKey) {
    this.all = all;
    this.byKey = byKey;
  }

  /** From CDI's {@code Instance<T>} or a plain list (unit tests). */
  public static <T extends Plugin> Registry<T> of(Iterable<? extends T> plugins) {
    List<T> all = new ArrayList<>();
    Map<String, T> byKey = new HashMap<>();
    for (T plugin : plugins) {
      all.add(plugin);
      claim(byKey, plugin.key(), plugin);
      plugin.aliases().forEach(alias -> claim(byKey, alias, plugin));
    }
    all.sort(Comparator.comparingInt(Plugin::order).thenComparing(Plugin::key));
    return new Registry<>(List.copyOf(all), Map.copyOf(byKey));
  }

  private static <T extends Plugin> void claim(Map<String, T> byKey, String key, T plugin) {
    T other = byKey.putIfAbsent(key, plugin);
    if (other != null && other != plugin) {
      throw new IllegalStateException(
          "two plugins claim the key '"
              + key
              + "': "
              + other.getClass().getName()
              + " and "
              + plugin.getClass().getName());
    }
  }

  /** By key or alias. */
  public Optional<T> find(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
  }

  public List<T> all() {
    return all;
  }

  public List<String> keys() {
    return all.stream().map(Plugin::key).toList();
  }
}
