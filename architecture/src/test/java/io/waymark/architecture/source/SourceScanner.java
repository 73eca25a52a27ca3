package io.waymark.architecture.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/** Runs source rules over the {@code .java} files below some roots, in a stable order. */
final class SourceScanner {

  private final List<SourceRule> rules;

  SourceScanner(List<SourceRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * @param base what the reported paths are relative to
   */
  List<Finding> scan(Path base, List<Path> roots) {
    List<Finding> findings = new ArrayList<>();
    for (Path file : javaFilesBelow(roots)) {
      findings.addAll(scan(read(base, file)));
    }
    return findings;
  }

  List<Finding> scan(JavaSource source) {
    List<Finding> findings = new ArrayList<>();
    for (SourceRule rule : rules) {
      if (rule.allows(source.packageName())) {
        continue;
      }
      Matcher match = rule.pattern().matcher(source.code());
      while (match.find()) {
        findings.add(new Finding(rule.name(), source.path(), source.lineAt(match.start())));
      }
    }
    return findings;
  }

  private static List<Path> javaFilesBelow(List<Path> roots) {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> below = Files.walk(root)) {
        below.filter(file -> file.toString().endsWith(".java")).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + root, e);
      }
    }
    return files;
  }

  private static JavaSource read(Path base, Path file) {
    try {
      return JavaSource.read(base, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
