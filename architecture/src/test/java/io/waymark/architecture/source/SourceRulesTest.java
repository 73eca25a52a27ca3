package io.waymark.architecture.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The source rules over today's production sources, against the committed baseline. */
class SourceRulesTest {

  private static final List<String> MODULES = List.of("health", "ejb", "api", "web");

  @Test
  void productionSourcesHaveExactlyTheBaselinesOccurrences() throws IOException {
    List<Path> roots = MODULES.stream().map(ModuleDirectory::mainSourcesOf).toList();
    List<Finding> findings =
        new SourceScanner(SourceRules.ALL).scan(ModuleDirectory.repository(), roots);

    List<String> problems = baseline().problems(findings, SourceRules.ALL);

    assertThat(problems).withFailMessage(() -> String.join("\n\n", problems)).isEmpty();
  }

  private static Baseline baseline() throws IOException {
    try (InputStream in = SourceRulesTest.class.getResourceAsStream("/source-rules-baseline.txt")) {
      assertThat(in).as(Baseline.FILE).isNotNull();
      return Baseline.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
