package io.waymark.campaigns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BannerRowTest {

  @Test
  void thePreviewShowsTheHtmlAsItWillBeStored() {
    BannerRow row = new BannerRow();
    row.setHtml(
        "<p onclick=\"steal()\">Hi <a href=\"javascript:alert(1)\">there</a></p><script>alert(2)</script>"
            + "<img src=\"https://cdn.example/a.png\" onerror=\"alert(3)\" alt=\"a\">");

    String preview = row.getPreviewDocument();

    assertThat(preview)
        .contains("<p>Hi <a rel=\"nofollow noopener\">there</a></p>")
        .contains("<img src=\"https://cdn.example/a.png\" alt=\"a\">")
        .doesNotContain("script")
        .doesNotContain("onclick")
        .doesNotContain("onerror")
        .doesNotContain("javascript:");
  }

  @Test
  void htmlWithNothingAllowedLeftFallsBackToTheText() {
    BannerRow row = new BannerRow();
    row.setText("Plain <text>");
    row.setHtml("<script>alert(1)</script>");

    assertThat(row.getPreviewDocument()).contains("Plain &lt;text&gt;").doesNotContain("script");
  }
}
