package io.waymark.campaigns.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BannerSanitizerTest {

  private static String clean(String html) {
    return BannerSanitizer.sanitize(html);
  }

  @Test
  void theFormattingABannerNeedsIsKept() {
    String banner =
        "<h2>Sale</h2><p>Up to <strong>50%</strong> <b>off</b>, <em>this</em> <i>week</i> <u>only</u>.<br>"
            + "<span class=\"badge\">new</span></p><div class=\"cta\"><ul><li>one</li></ul><ol><li>two</li></ol></div>"
            + "<img src=\"https://cdn.example.com/a.png\" alt=\"A\">";

    assertThat(clean(banner)).isEqualTo(banner);
  }

  @Test
  void linksKeepHttpHttpsAndMailtoAndGetRelNofollowNoopener() {
    assertThat(clean("<a href=\"https://example.com/x?a=1&amp;b=2\" title=\"X\">x</a>"))
        .isEqualTo(
            "<a href=\"https://example.com/x?a=1&amp;b=2\" title=\"X\" rel=\"nofollow noopener\">x</a>");
    assertThat(clean("<a href=\"http://example.com\">h</a>"))
        .isEqualTo("<a href=\"http://example.com\" rel=\"nofollow noopener\">h</a>");
    assertThat(clean("<a href=\"mailto:help@example.com\" rel=\"opener\">m</a>"))
        .isEqualTo("<a href=\"mailto:help@example.com\" rel=\"nofollow noopener\">m</a>");
  }

  @Test
  void scriptsAreRemoved() {
    assertThat(clean("<p>hi</p><script>alert(1)</script>")).isEqualTo("<p>hi</p>");
    assertThat(clean("<script>alert(1)</script>")).isEmpty();
  }

  @Test
  void eventHandlersAreRemoved() {
    assertThat(clean("<img src=\"https://x.example/a.png\" onerror=\"alert(1)\" alt=\"a\">"))
        .isEqualTo("<img src=\"https://x.example/a.png\" alt=\"a\">");
    assertThat(clean("<p onclick=\"alert(1)\" onmouseover=\"x()\">p</p>")).isEqualTo("<p>p</p>");
  }

  @Test
  void javascriptAndOtherUrlsAreRemoved() {
    assertThat(clean("<a href=\"javascript:alert(1)\">x</a>"))
        .isEqualTo("<a rel=\"nofollow noopener\">x</a>");
    assertThat(clean("<a href=\" JaVaScRiPt:alert(1)\">x</a>"))
        .isEqualTo("<a rel=\"nofollow noopener\">x</a>");
    assertThat(clean("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>"))
        .isEqualTo("<a rel=\"nofollow noopener\">x</a>");
    assertThat(clean("<a href=\"/relative\">x</a>"))
        .isEqualTo("<a rel=\"nofollow noopener\">x</a>");
    // images only from https
    assertThat(clean("<img src=\"http://x.example/a.png\" alt=\"a\">"))
        .isEqualTo("<img alt=\"a\">");
    assertThat(clean("<img src=\"javascript:alert(1)\">")).isEqualTo("<img>");
  }

  @Test
  void stylesAreRemoved() {
    assertThat(clean("<p style=\"position:fixed;top:0\">p</p>")).isEqualTo("<p>p</p>");
    assertThat(clean("<style>body{display:none}</style><b>b</b>")).isEqualTo("<b>b</b>");
  }

  @Test
  void iframesFormsAndOtherTagsAreRemovedKeepingTheirText() {
    assertThat(clean("<iframe src=\"https://evil.example\"></iframe><p>p</p>"))
        .isEqualTo("<p>p</p>");
    assertThat(clean("<form action=\"https://evil.example\"><input name=\"pw\">Log in</form>"))
        .isEqualTo("Log in");
    assertThat(
            clean(
                "<object data=\"x.swf\"></object><embed src=\"x\"><svg onload=\"alert(1)\"></svg>"))
        .isEmpty();
    assertThat(clean("<table><tr><td>cell</td></tr></table>")).isEqualTo("cell");
  }

  @Test
  void classIsKeptOnlyOnSpanAndDiv() {
    assertThat(clean("<p class=\"x\" id=\"y\"><span class=\"a\" id=\"b\">s</span></p>"))
        .isEqualTo("<p><span class=\"a\">s</span></p>");
  }

  @Test
  void markupABrowserWouldRepairIsCleanedAsTheBrowserSeesIt() {
    assertThat(clean("<img src=x onerror=alert(1)//")).isEmpty();
    assertThat(clean("<p>unclosed <b>bold")).isEqualTo("<p>unclosed <b>bold</b></p>");
    assertThat(clean("<scr<script>ipt>alert(1)</script>")).doesNotContain("<script");
  }

  @Test
  void cleaningIsIdempotentAndNullStaysNull() {
    String once = clean("<p onclick=x>a <a href=\"https://e.example\">l</a><script>s</script></p>");
    assertThat(clean(once)).isEqualTo(once);
    assertThat(clean(null)).isNull();
  }
}
