package io.waymark.architecture.source;

/** One occurrence of a rule: the file as shown in messages and its 1-based line. */
record Finding(String rule, String path, int line) {

  String location() {
    return path + ":" + line;
  }
}
