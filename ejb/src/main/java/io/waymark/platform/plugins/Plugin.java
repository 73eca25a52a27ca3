package io.waymark.platform.plugins;

import java.util.List;

/** One registered kind of thing: its key (as stored and on the wire), its label and parameters. */
public interface Plugin {

  String key();

  String label();

  List<Param> params();

  /** Other keys it answers to (old or alternative names; never listed as keys of their own). */
  default List<String> aliases() {
    return List.of();
  }
}
