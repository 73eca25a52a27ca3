package io.waymark.mail.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.templates.TemplateException;
import io.waymark.platform.templates.TemplateLimits;
import io.waymark.platform.templates.Templates;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

  private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();
  private static final TemplateRenderer RENDERER =
      new TemplateRenderer(new Templates(TemplateLimits.DEFAULTS, EXECUTOR));

  @AfterAll
  static void stopExecutor() {
    EXECUTOR.shutdownNow();
  }

  private static final Map<String, Object> USER =
      Map.of("id", 7L, "email", "ann@example.com", "public_name", "Ann <b>", "locale", "sk");

  @Test
  void rendersUserAndParamsInEveryPart() throws TemplateException {
    MailContent out =
        RENDERER.render(
            new MailContent(
                "Hi {{ user.public_name }}",
                "<p>{{ trigger.plan }} for {{ user.email }}</p>",
                "Plan {{ trigger.plan }} ({{ user.id }})"),
            USER,
            Map.of("trigger", Map.of("plan", "gold")));

    assertThat(out.subject()).isEqualTo("Hi Ann <b>");
    assertThat(out.html()).isEqualTo("<p>gold for ann@example.com</p>");
    assertThat(out.text()).isEqualTo("Plan gold (7)");
  }

  @Test
  void escapesHtmlOnlyInTheHtmlBody() throws TemplateException {
    MailContent out =
        RENDERER.render(
            new MailContent(
                "{{ user.public_name }}",
                "<i>{{ user.public_name }}</i>",
                "{{ user.public_name }}"),
            USER,
            Map.of());

    assertThat(out.html()).isEqualTo("<i>Ann &lt;b&gt;</i>");
    assertThat(out.subject()).isEqualTo("Ann <b>");
    assertThat(out.text()).isEqualTo("Ann <b>");
  }

  @Test
  void paramsCannotReplaceTheUser() throws TemplateException {
    MailContent out =
        RENDERER.render(
            new MailContent("{{ user.email }}", "", "x"),
            USER,
            Map.of("user", Map.of("email", "evil@example.com")));

    assertThat(out.subject()).isEqualTo("ann@example.com");
  }

  @Test
  void subjectIsOneLine() throws TemplateException {
    MailContent out =
        RENDERER.render(
            new MailContent("Hello\n{% for i in items %}{{ i }}\n{% endfor %}", "", "x"),
            USER,
            Map.of("items", List.of("a", "b")));

    assertThat(out.subject()).isEqualTo("Hello a b");
  }

  @Test
  void missingVariablesRenderEmpty() throws TemplateException {
    MailContent out =
        RENDERER.render(
            new MailContent("[{{ nothing }}]", "", "[{{ trigger.nothing }}]"), USER, Map.of());

    assertThat(out.subject()).isEqualTo("[]");
    assertThat(out.text()).isEqualTo("[]");
  }

  @Test
  void syntaxErrorNamesThePartAndLine() {
    var error = RENDERER.check(new MailContent("ok", "<p>\n{% if user.id %}never closed", "fine"));

    assertThat(error).isPresent();
    assertThat(error.get().part()).isEqualTo("html_body");
    assertThat(error.get().getMessage()).contains("line 2").doesNotContain("never closed");
  }

  @Test
  void unclosedExpressionInSubjectIsRefused() {
    var error = RENDERER.check(new MailContent("Hi {{ user.email", "", "x"));

    assertThat(error).hasValueSatisfying(e -> assertThat(e.part()).isEqualTo("subject"));
  }

  @Test
  void validTemplatesPass() {
    assertThat(
            RENDERER.check(
                new MailContent("Hi {{ user.email }}", "{% if trigger %}<b>x</b>{% endif %}", "")))
        .isEmpty();
  }

  @Test
  void tagsNamingOtherTemplatesAreRefusedAtSave() {
    for (String tag :
        List.of(
            "{% include \"/etc/hostname\" %}",
            "{% include user.first_name %}",
            "{% extends \"x\" %}",
            "{% import \"x\" %}",
            "{% from \"x\" import m %}",
            "{% embed \"x\" %}{% endembed %}",
            "{% cache \"k\" %}x{% endcache %}",
            "{% parallel %}x{% endparallel %}")) {
      assertThat(RENDERER.check(new MailContent("s", "", tag)))
          .as(tag)
          .hasValueSatisfying(e -> assertThat(e.getMessage()).contains("is not available"));
    }
  }

  @Test
  void renderFailureIsATemplateException() {
    assertThatThrownBy(
            () -> RENDERER.render(new MailContent("{{ 1 / 0 }}", "", "x"), USER, Map.of()))
        .isInstanceOf(TemplateException.class);
  }

  @Test
  void aTemplateOverALimitWithoutDataIsRefusedAtSaveNamingThePartAndTheLimit() {
    var error =
        RENDERER.check(
            new MailContent("ok", "<p>{{ 'x' }}</p>{% set r = range(1, 20000000) %}", "fine"));

    assertThat(error)
        .hasValueSatisfying(
            e -> {
              assertThat(e.part()).isEqualTo("html_body");
              assertThat(e.isLimit()).isTrue();
              assertThat(e.getMessage())
                  .isEqualTo("range over 20,000,000 items exceeds the limit of 10,000 (line 1)");
            });
  }

  @Test
  void aTemplateWhoseSizeDependsOnTheDataIsSavedAndHitsTheLimitWhenRendered() {
    MailContent source =
        new MailContent("s", "", "{% for i in range(1, trigger.n) %}x{% endfor %}");
    assertThat(RENDERER.check(source)).isEmpty();

    assertThatThrownBy(
            () -> RENDERER.render(source, USER, Map.of("trigger", Map.of("n", 20_000_000L))))
        .isInstanceOfSatisfying(
            TemplateException.class,
            e -> {
              assertThat(e.part()).isEqualTo("text_body");
              assertThat(e.getMessage()).startsWith("range over 20,000,000 items");
            });
    assertThatThrownBy(
            () -> RENDERER.preview(source, USER, Map.of("trigger", Map.of("n", 20_000_000L))))
        .isInstanceOfSatisfying(
            TemplateException.class, e -> assertThat(e.part()).isEqualTo("text_body"));
  }
}
