package io.waymark.platform.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The limits of {@code waymark.templates.*}: each one hit is a named error; normal use renders. */
class TemplatesTest {

  private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();
  private static final Templates TEMPLATES = new Templates(TemplateLimits.DEFAULTS, EXECUTOR);

  @AfterAll
  static void stopExecutor() {
    EXECUTOR.shutdownNow();
  }

  private static String render(String source, Map<String, Object> variables)
      throws TemplateException {
    return TEMPLATES.render(TEMPLATES.compile(source, Escaping.NONE), variables);
  }

  private static TemplateException failure(String source, Map<String, Object> variables) {
    try {
      render(source, variables);
    } catch (TemplateException e) {
      return e;
    }
    throw new AssertionError("rendered without an error: " + source);
  }

  @Test
  void normalTemplatesRenderAsBefore() throws TemplateException {
    assertThat(
            render(
                "{% for i in range(1, 3) %}{{ i }}{% endfor %}|{% for c in range('a', 'e', 2) %}{{ c }}{% endfor %}"
                    + "|{% for i in 1..3 %}{{ i }}{% endfor %}"
                    + "|{% for x in items %}{{ loop.index }}/{{ loop.length }}{% else %}none{% endfor %}"
                    + "|{% for x in [] %}x{% else %}none{% endfor %}"
                    + "|{% macro hi(name) %}hi {{ name }}{% endmacro %}{{ hi('ann') }}"
                    + "|{{ 'a' ~ 'b' ~ user.name }}",
                Map.of("items", List.of("p", "q"), "user", Map.of("name", "c"))))
        .isEqualTo("123|ace|123|0/21/2|none|hi ann|abc");
  }

  @Test
  void aLiteralRangeBeyondTheLimitDoesNotCompile() {
    for (String source :
        List.of(
            "{% for i in range(1, 20000000) %}x{% endfor %}",
            "{% for i in 1..20000000 %}x{% endfor %}",
            "{% for i in range(start=1, end=20000000) %}x{% endfor %}",
            "\n{% if user.vip %}{% for i in range(10, -20000000, -1) %}x{% endfor %}{% endif %}")) {
      assertThatThrownBy(() -> TEMPLATES.compile(source, Escaping.HTML))
          .as(source)
          .isInstanceOfSatisfying(
              TemplateException.class,
              e -> {
                assertThat(e.isLimit()).isTrue();
                assertThat(e.getMessage())
                    .matches(
                        "range over 20,000,0(00|11) items exceeds the limit of 10,000 \\(line \\d\\)");
              });
    }
  }

  @Test
  void aRangeBeyondTheLimitFailsBeforeItIsBuilt() {
    TemplateException e =
        failure("{% for i in range(1, n) %}x{% endfor %}", Map.of("n", 20_000_000L));
    assertThat(e.isLimit()).isTrue();
    assertThat(e.getMessage())
        .isEqualTo("range over 20,000,000 items exceeds the limit of 10,000 (line 1)");

    assertThat(
            failure("{% set r = 1..n %}{{ r | length }}", Map.of("n", Long.MAX_VALUE)).getMessage())
        .startsWith("range over more than 9,223,372,036,854,775,807 items");
  }

  @Test
  void loopsTogetherRunAtMostMaxLoopTimes() {
    TemplateException nested =
        failure(
            "{% for i in range(1, 200) %}{% for j in range(1, 200) %}{% endfor %}{% endfor %}",
            Map.of());
    assertThat(nested.isLimit()).isTrue();
    assertThat(nested.getMessage()).isEqualTo("loops run more than 10,000 times (line 1)");

    // a loop over the user's data counts the same
    List<Integer> many = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      many.add(i);
    }
    assertThat(failure("{% for x in items %}{% endfor %}", Map.of("items", many)).getMessage())
        .isEqualTo("loops run more than 10,000 times (line 1)");
  }

  @Test
  void aReplaceOrJoinThatWouldMultiplyABigStringFailsBeforeItIsBuilt() {
    String big = "x".repeat(900_000);
    // 900,000 occurrences × 900,000 characters: 8.1 × 10^11 characters if it ran
    TemplateException replaced = failure("{{ s | replace({'x': s}) }}", Map.of("s", big));
    assertThat(replaced.isLimit()).isTrue();
    assertThat(replaced.getMessage())
        .isEqualTo("the result of | replace would exceed 1,000,000 characters (line 1)");
    TemplateException joined =
        failure("{{ items | join(',') }}", Map.of("items", java.util.Collections.nCopies(5, big)));
    assertThat(joined.isLimit()).isTrue();
    assertThat(joined.getMessage())
        .isEqualTo("the result of | join would exceed 1,000,000 characters (line 1)");
  }

  @Test
  void replaceAndJoinWithinTheLimitRenderAsBefore() throws TemplateException {
    assertThat(
            render(
                "{{ s | replace({'a': 'bb'}) | replace({'': '-'}) }}|{{ items | join(', ') }}",
                Map.of("s", "aca", "items", List.of("x", "y", 3))))
        .isEqualTo("-b-b-c-b-b-|x, y, 3");
  }

  @Test
  void outputIsCapped() {
    TemplateException e =
        failure("{% for i in range(1, 10000) %}{{ s }}{% endfor %}", Map.of("s", "x".repeat(200)));
    assertThat(e.isLimit()).isTrue();
    assertThat(e.getMessage()).startsWith("output exceeds 1,000,000 characters");
  }

  @Test
  void aStringDoubledWithTildeStopsAtTheOutputLimit() {
    TemplateException e =
        failure(
            "{% set s = 'xxxxxxxxxx' %}{% for i in range(1, 40) %}{% set s = s ~ s %}{% endfor %}{{ s | length }}",
            Map.of());
    assertThat(e.isLimit()).isTrue();
    assertThat(e.getMessage())
        .isEqualTo("a string joined with ~ exceeds 1,000,000 characters (line 1)");
  }

  @Test
  void aListOrStringDoubledByAFilterStopsAtTheOutputLimit() {
    TemplateException merged =
        failure(
            "{% set l = [1] %}{% for i in range(1, 40) %}{% set l = l | merge(l) %}{% endfor %}{{ l | length }}",
            Map.of());
    assertThat(merged.isLimit()).isTrue();
    assertThat(merged.getMessage())
        .isEqualTo("the result of | merge exceeds 1,000,000 items (line 1)");

    TemplateException replaced =
        failure(
            "{% set s = 'xx' %}{% for i in range(1, 40) %}{% set s = s | replace({'x': 'xx'}) %}{% endfor %}",
            Map.of());
    // refused by its bound (every character could become the two of the value) before it runs
    assertThat(replaced.getMessage())
        .isEqualTo("the result of | replace would exceed 1,000,000 characters (line 1)");
  }

  @Test
  void escapingDefaultsAndRawStillWork() throws TemplateException {
    CompiledTemplate html =
        TEMPLATES.compile(
            "{{ a }}|{{ a | raw }}|{{ missing | default('d') }}|{{ a | escape }}|{{ a | upper }}",
            Escaping.HTML);
    assertThat(TEMPLATES.render(html, Map.of("a", "<b>")))
        .isEqualTo("&lt;b&gt;|<b>|d|&lt;b&gt;|&lt;B&gt;");
  }

  @Test
  void macroCallsAreCounted() {
    TemplateException branching =
        failure(
            "{% macro m(n) %}{% if n > 0 %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(40) }}",
            Map.of());
    assertThat(branching.isLimit()).isTrue();
    assertThat(branching.getMessage()).startsWith("macros are called more than 10,000 times");

    TemplateException endless =
        failure("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", Map.of());
    assertThat(endless.isLimit()).as(endless.getMessage()).isTrue();
  }

  @Test
  void aRenderPastItsDeadlineIsCutOffOnTheManagedExecutor() throws TemplateException {
    Templates slow =
        new Templates(new TemplateLimits(1_000_000, 100_000_000, Duration.ofMillis(50)), EXECUTOR);
    CompiledTemplate busy =
        slow.compile(
            "{% for i in range(1, 10000) %}{% for j in range(1, 10000) %}{% endfor %}{% endfor %}",
            Escaping.NONE);

    assertThatThrownBy(() -> slow.withDeadline(deadline -> slow.render(busy, Map.of(), deadline)))
        .isInstanceOfSatisfying(
            TemplateException.class,
            e -> {
              assertThat(e.isLimit()).isTrue();
              assertThat(e.getMessage()).startsWith("rendering takes longer than 50 ms");
            });
    // and the executor still renders the next template (with time to spare: under load even a
    // free thread can take longer than 50 ms to start it)
    Templates patient =
        new Templates(new TemplateLimits(1_000_000, 10_000, Duration.ofSeconds(30)), EXECUTOR);
    CompiledTemplate ok = patient.compile("ok", Escaping.NONE);
    String next = patient.withDeadline(deadline -> patient.render(ok, Map.of(), deadline));
    assertThat(next).isEqualTo("ok");
  }

  @Test
  void aRenderThatFindsNoFreeThreadInTimeIsRefusedByName() throws Exception {
    ExecutorService one = Executors.newSingleThreadExecutor();
    CountDownLatch release = new CountDownLatch(1);
    try {
      one.submit(
          () -> {
            release.await();
            return null;
          });
      Templates busy =
          new Templates(new TemplateLimits(1_000_000, 10_000, Duration.ofMillis(50)), one);
      CompiledTemplate ok = busy.compile("ok", Escaping.NONE);

      assertThatThrownBy(() -> busy.withDeadline(deadline -> busy.render(ok, Map.of(), deadline)))
          .isInstanceOfSatisfying(
              TemplateException.class,
              e ->
                  assertThat(e.getMessage())
                      .isEqualTo(
                          "rendering waited longer than 50 ms for a free thread (the server is busy"
                              + " rendering other templates)"));
    } finally {
      release.countDown();
      one.shutdownNow();
    }
  }

  @Test
  void anInterruptedRenderStops() throws Exception {
    Templates patient =
        new Templates(
            new TemplateLimits(1_000_000, Integer.MAX_VALUE, Duration.ofHours(1)), EXECUTOR);
    CompiledTemplate endless =
        patient.compile(
            "{% for i in range(1, 100000) %}{% for j in range(1, 100000) %}{% endfor %}{% endfor %}",
            Escaping.NONE);
    FutureTask<String> render =
        new FutureTask<>(
            () -> patient.render(endless, Map.of(), Deadline.after(Duration.ofHours(1))));
    Thread thread = new Thread(render, "render-to-interrupt");
    thread.start();
    thread.interrupt();

    assertThatThrownBy(render::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            TemplateException.class,
            e -> assertThat(e.getMessage()).startsWith("rendering takes longer than 3600 s"));
  }

  @Test
  void syntaxAndRenderErrorsAreNoLimits() {
    assertThatThrownBy(() -> TEMPLATES.compile("{% if %}", Escaping.NONE))
        .isInstanceOfSatisfying(
            TemplateException.class,
            e -> assertThat(e.kind()).isEqualTo(TemplateException.Kind.SYNTAX));
    assertThat(failure("{{ 1 / 0 }}", Map.of()).kind()).isEqualTo(TemplateException.Kind.RENDER);
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new TemplateLimits(0, 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
