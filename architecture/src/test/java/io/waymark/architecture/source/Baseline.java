package io.waymark.architecture.source;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The occurrences accepted today, as lines {@code <rule> <file> <count>}. The code may have no more
 * (a new occurrence fails, naming rule, file and lines) and no fewer: when one is fixed, the line
 * must be lowered in the same change, so the baseline only shrinks and never hides room for a new
 * occurrence. It is not rewritten by the test, since in CI such a rewrite would be thrown away.
 */
final class Baseline {

  static final String FILE = "architecture/src/test/resources/source-rules-baseline.txt";

  /** Counts by rule and file, both sorted so that messages come in a stable order. */
  private final Map<Key, Integer> accepted;

  private Baseline(Map<Key, Integer> accepted) {
    this.accepted = accepted;
  }

  static Baseline parse(String text) {
    Map<Key, Integer> accepted = new TreeMap<>();
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      String content = line.strip();
      if (content.isEmpty() || content.startsWith("#")) {
        continue;
      }
      String[] fields = content.split("\\s+");
      if (fields.length != 3 || !fields[2].matches("[1-9][0-9]*")) {
        throw new IllegalArgumentException(
            FILE + ":" + number + ": expected '<rule> <file> <count>', got '" + content + "'");
      }
      if (accepted.put(new Key(fields[0], fields[1]), Integer.valueOf(fields[2])) != null) {
        throw new IllegalArgumentException(FILE + ":" + number + ": listed twice: " + content);
      }
    }
    return new Baseline(accepted);
  }

  /**
   * What differs between the code's findings and this baseline, one message each; empty if none.
   */
  List<String> problems(List<Finding> findings, List<SourceRule> rules) {
    Map<String, SourceRule> byName =
        rules.stream().collect(Collectors.toMap(SourceRule::name, Function.identity()));
    Map<Key, List<Finding>> found =
        findings.stream()
            .collect(
                groupingBy(f -> new Key(f.rule(), f.path()), TreeMap::new, Collectors.toList()));
    Set<Key> keys = new TreeSet<>(accepted.keySet());
    keys.addAll(found.keySet());

    List<String> problems = new ArrayList<>();
    for (Key key : keys) {
      SourceRule rule = byName.get(key.rule());
      List<Finding> occurrences = found.getOrDefault(key, List.of());
      int allowed = accepted.getOrDefault(key, 0);
      if (rule == null) {
        problems.add(FILE + " names the unknown rule '" + key.rule() + "' for " + key.path());
      } else if (occurrences.size() > allowed) {
        problems.add(tooMany(rule, key, occurrences, allowed));
      } else if (occurrences.size() < allowed) {
        problems.add(tooFew(key, occurrences.size(), allowed));
      }
    }
    return problems;
  }

  private static String tooMany(SourceRule rule, Key key, List<Finding> occurrences, int allowed) {
    String where = allowed == 0 ? "none" : allowed + ", one of these is new";
    return "Source rule '"
        + rule.name()
        + "' ("
        + rule.why()
        + "): "
        + key.path()
        + " has "
        + occurrences.size()
        + " occurrence(s), the baseline accepts "
        + where
        + ":\n"
        + occurrences.stream().map(f -> "  " + f.location()).collect(joining("\n"));
  }

  private static String tooFew(Key key, int actual, int allowed) {
    String line = actual == 0 ? "delete the line" : "change it to '" + key.line(actual) + "'";
    return "Source rule '"
        + key.rule()
        + "': "
        + key.path()
        + " has "
        + actual
        + " occurrence(s), fewer than the "
        + allowed
        + " in the baseline. Well done: shrink the baseline with the fix ("
        + FILE
        + ": '"
        + key.line(allowed)
        + "', "
        + line
        + ").";
  }

  private record Key(String rule, String path) implements Comparable<Key> {

    String line(int count) {
      return rule + " " + path + " " + count;
    }

    @Override
    public int compareTo(Key other) {
      int byRule = rule.compareTo(other.rule);
      return byRule != 0 ? byRule : path.compareTo(other.path);
    }
  }
}
