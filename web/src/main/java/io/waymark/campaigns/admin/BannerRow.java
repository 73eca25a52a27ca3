package io.waymark.campaigns.admin;

import io.waymark.campaigns.boundary.BannerChange;
import io.waymark.campaigns.boundary.BannerHtml;
import io.waymark.campaigns.boundary.BannerView;
import java.io.Serializable;

/**
 * One banner as the editor's form holds it; {@code id} is kept so a saved banner keeps its
 * identity.
 */
public class BannerRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long id;
  private String name;
  private String position = "top";
  private String text;
  private String html;
  private String background = "#1e3a5f";
  private String textColor = "#ffffff";

  static BannerRow of(BannerView view) {
    BannerRow row = new BannerRow();
    row.id = view.id();
    row.name = view.name();
    row.position = view.position();
    row.text = view.text();
    row.html = view.html();
    row.background = view.background();
    row.textColor = view.textColor();
    return row;
  }

  BannerChange change() {
    return new BannerChange(
        id,
        blankToNull(name),
        position,
        blankToNull(text),
        blankToNull(html),
        blankToNull(background),
        blankToNull(textColor));
  }

  /**
   * A complete HTML document for the preview iframe: the HTML as it will be stored, cleaned to the
   * banner allow-list (the frame is sandboxed as well: no script runs, nothing reaches the
   * console).
   */
  public String getPreviewDocument() {
    String clean = BannerHtml.sanitize(html);
    String body = clean != null && !clean.isBlank() ? clean : escape(text == null ? "" : text);
    return "<!doctype html><html><body style=\"margin:0;font-family:sans-serif\"><div style=\"padding:12px 16px;background:"
        + cssColor(background, "#1e3a5f")
        + ";color:"
        + cssColor(textColor, "#ffffff")
        + "\">"
        + body
        + "</div></body></html>";
  }

  private static String cssColor(String value, String fallback) {
    return value != null && value.matches("#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,30}") ? value : fallback;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPosition() {
    return position;
  }

  public void setPosition(String position) {
    this.position = position;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getHtml() {
    return html;
  }

  public void setHtml(String html) {
    this.html = html;
  }

  public String getBackground() {
    return background;
  }

  public void setBackground(String background) {
    this.background = background;
  }

  public String getTextColor() {
    return textColor;
  }

  public void setTextColor(String textColor) {
    this.textColor = textColor;
  }
}
