package io.waymark.architecture.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One source file as the rules see it: its code (see {@link CodeText}), its package from the
 * package declaration (fixtures need not sit in a directory tree that mirrors their package), and
 * the path shown in messages.
 */
record JavaSource(String path, String packageName, String code) {

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

  static JavaSource read(Path base, Path file) throws IOException {
    String code = CodeText.of(Files.readString(file, StandardCharsets.UTF_8));
    Matcher declaration = PACKAGE.matcher(code);
    String packageName = declaration.find() ? declaration.group(1) : "";
    String path =
        base.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    return new JavaSource(path, packageName, code);
  }

  /** The 1-based line of an offset into the code. */
  int lineAt(int offset) {
    return 1 + (int) code.substring(0, offset).chars().filter(c -> c == '\n').count();
  }
}
