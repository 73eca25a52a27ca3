package io.waymark.architecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.TextFileBasedViolationStore;
import com.tngtech.archunit.library.freeze.ViolationStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * ArchUnit's text store of frozen violations, committed in {@code architecture/archunit_store}:
 * each rule's file is named after the rule (not a random UUID), so the directory reads as a list of
 * rules, and where the store may not be created or written (CI) the failure says what happened and
 * what to do instead of naming a property.
 */
final class CommittedViolationStore extends ViolationStore.Delegate {

  private static final int MAX_NAME = 80;

  private String path = "?";
  private boolean updateAllowed = true;

  CommittedViolationStore() {
    super(new TextFileBasedViolationStore(CommittedViolationStore::fileNameOf));
  }

  @Override
  public void initialize(Properties properties) {
    path = properties.getProperty("default.path", "archunit_store");
    updateAllowed =
        Boolean.parseBoolean(properties.getProperty("default.allowStoreUpdate", "true"));
    boolean creationAllowed =
        Boolean.parseBoolean(properties.getProperty("default.allowStoreCreation", "false"));
    if (!creationAllowed && !Files.exists(Path.of(path, "stored.rules"))) {
      throw new AssertionError(
          "No store of frozen violations at "
              + path
              + ". It is committed: restore it from git. Creating it afresh would accept every"
              + " violation of today's code (only when starting a store on purpose:"
              + " -Darchunit.freeze.store.default.allowStoreCreation=true).");
    }
    super.initialize(properties);
  }

  /** Called when the store has no entry for the rule yet, or frozen violations were fixed. */
  @Override
  public void save(ArchRule rule, List<String> violations) {
    if (!updateAllowed) {
      String reason =
          contains(rule)
              ? "frozen violations were fixed, but the shrunk store was not committed"
              : "the rule is new or was reworded and has no entry in the store";
      throw new AssertionError(
          "Rule '"
              + rule.getDescription()
              + "': "
              + reason
              + " ("
              + path
              + "), and this run may not write the store (CI). Run ./mvnw -pl architecture verify"
              + " locally and commit the changes in architecture/archunit_store.");
    }
    super.save(rule, violations);
  }

  /** "web tier uses ... boundary, because ..." → "web-tier-uses-...-boundary.txt". */
  static String fileNameOf(String ruleDescription) {
    int because = ruleDescription.indexOf(", because");
    String rule = because < 0 ? ruleDescription : ruleDescription.substring(0, because);
    String name = rule.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    return name.replaceAll("^-+|-+$", "") + ".txt";
  }
}
