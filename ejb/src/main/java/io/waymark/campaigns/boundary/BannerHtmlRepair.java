package io.waymark.campaigns.boundary;

import io.waymark.campaigns.control.BannerSanitizer;
import io.waymark.platform.db.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Cleans the banner HTML stored before banners were sanitised on save (or under an older
 * allow-list), once at startup, before the application serves requests: every read — the banners
 * call, campaign reads, the console — then serves clean HTML without paying for sanitising on the
 * hot path. Rows already clean are only read; running on several servers at once writes the same
 * values.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class BannerHtmlRepair {

  private static final System.Logger LOG = System.getLogger(BannerHtmlRepair.class.getName());
  private static final int PAGE = 500;

  @Inject Jdbc jdbc;

  private record Stored(long id, String html) {}

  @PostConstruct
  void repair() {
    long after = 0;
    int cleaned = 0;
    List<Stored> page;
    do {
      page =
          jdbc.list(
              "select id, html from campaign_banners where id > ? and html is not null order by id limit "
                  + PAGE,
              rs -> new Stored(rs.getLong(1), rs.getString(2)),
              after);
      for (Stored banner : page) {
        String clean = BannerSanitizer.sanitize(banner.html());
        if (!clean.equals(banner.html())) {
          // an empty string, not null: a banner without text must keep some html (check constraint)
          jdbc.update("update campaign_banners set html = ? where id = ?", clean, banner.id());
          cleaned++;
        }
        after = banner.id();
      }
    } while (page.size() == PAGE);
    if (cleaned > 0) {
      LOG.log(
          Level.WARNING,
          "Cleaned the HTML of {0} stored banner(s) to the banner allow-list (scripts, styles,"
              + " event handlers and unsafe URLs removed)",
          cleaned);
    }
  }
}
