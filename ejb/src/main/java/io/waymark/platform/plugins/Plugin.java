package io.waymark.platform.plugins;

import java.util.List;

/** One registered kind of thing: its key (as stored and on the wire), its label and parameters. */
public interface Plugin {

  String key();

  String label();

  List<Param> params();

  /**
   * Where lists (catalogues, the builders' menus and palettes) show it: lower first, then by key.
   * The most used kinds come first (a new criterion starts as a user field).
   */
  default int order() {
    return 100;
  }

  /** Other keys it answers to (old or alternative names; never listed as keys of their own). */
  default List<String> aliases() {
    return List.of();
  }
}
