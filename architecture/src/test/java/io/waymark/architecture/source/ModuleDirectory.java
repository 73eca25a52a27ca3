package io.waymark.architecture.source;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This module's directory: from the system property Maven sets (surefire's
 * systemPropertyVariables), else the working directory (IDE runs), so that the production source
 * trees next to it are found whatever directory the tests run in.
 */
final class ModuleDirectory {

  static final String PROPERTY = "waymark.architecture.basedir";

  private ModuleDirectory() {}

  /** A sibling module's production sources, e.g. {@code ../ejb/src/main/java}. */
  static Path mainSourcesOf(String module) {
    Path sources = repository().resolve(module).resolve("src/main/java");
    if (!Files.isDirectory(sources)) {
      throw new IllegalStateException(
          sources + " does not exist: run from the module directory, or set -D" + PROPERTY);
    }
    return sources;
  }

  /** The repository root, which the reported paths are relative to. */
  static Path repository() {
    String basedir = System.getProperty(PROPERTY);
    Path module = basedir == null ? Path.of("") : Path.of(basedir);
    return module.toAbsolutePath().normalize().getParent();
  }
}
