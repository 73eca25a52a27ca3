package io.waymark.architecture.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeTextTest {

  @Test
  void commentsGoStringsStay() {
    String source =
        "a(\"// kept\"); // gone\nb('\"'); /* gone \n gone */ c(\"\"\"\n /* kept */\"\"\");";

    String code = CodeText.of(source);

    assertThat(code).hasSameSizeAs(source);
    assertThat(code.lines().count()).isEqualTo(source.lines().count());
    assertThat(code).contains("\"// kept\"", "'\"'", "/* kept */").doesNotContain("gone");
  }

  @Test
  void importsGoTheirUsesStay() {
    String code = CodeText.of("import jakarta.ejb.TimerService;\n@Resource TimerService timers;");

    assertThat(code).startsWith(" ".repeat(32) + "\n").endsWith("@Resource TimerService timers;");
  }

  @Test
  void anEscapedQuoteEndsNoString() {
    assertThat(CodeText.of("s(\"a\\\" // kept\"); // gone"))
        .contains("// kept")
        .doesNotContain("gone");
  }
}
