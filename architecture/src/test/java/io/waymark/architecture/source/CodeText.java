package io.waymark.architecture.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java source with its comments and import statements blanked out: what a source rule looks at.
 * Prose about the code (a Javadoc explaining {@code FOR UPDATE SKIP LOCKED}) and imports (a use is
 * counted where the type is used) are not occurrences; string literals and text blocks are kept,
 * since that is where the SQL lives. Blanking keeps the length and the line breaks, so that offsets
 * and line numbers still point into the file.
 */
final class CodeText {

  private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import\\s[^;]*;");

  private CodeText() {}

  static String of(String source) {
    StringBuilder code = new StringBuilder(source);
    blankComments(source, code);
    Matcher imports = IMPORT.matcher(code);
    while (imports.find()) {
      blank(code, imports.start(), imports.end());
    }
    return code.toString();
  }

  /** Walks the source as the compiler's lexer would, so a "//" in a string starts no comment. */
  private static void blankComments(String source, StringBuilder code) {
    int i = 0;
    while (i < source.length()) {
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        end = end < 0 ? source.length() : end;
        blank(code, i, end);
        i = end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? source.length() : end + 2;
        blank(code, i, end);
        i = end;
      } else if (source.startsWith("\"\"\"", i)) {
        i = endOfTextBlock(source, i + 3);
      } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
        i = endOfLiteral(source, i + 1, source.charAt(i));
      } else {
        i++;
      }
    }
  }

  private static int endOfTextBlock(String source, int from) {
    int i = from;
    while (i < source.length()) {
      if (source.charAt(i) == '\\') {
        i += 2;
      } else if (source.startsWith("\"\"\"", i)) {
        return i + 3;
      } else {
        i++;
      }
    }
    return source.length();
  }

  /** The end of a string or char literal; an unterminated one ends at the line break. */
  private static int endOfLiteral(String source, int from, char quote) {
    int i = from;
    while (i < source.length() && source.charAt(i) != '\n') {
      char c = source.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return i;
  }

  private static void blank(StringBuilder code, int from, int to) {
    for (int i = from; i < to; i++) {
      if (code.charAt(i) != '\n' && code.charAt(i) != '\r') {
        code.setCharAt(i, ' ');
      }
    }
  }
}
