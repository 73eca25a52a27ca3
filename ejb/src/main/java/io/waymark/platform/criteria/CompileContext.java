package io.waymark.platform.criteria;

import io.waymark.platform.criteria.CriterionPlugin.Use;
import io.waymark.platform.error.FieldError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * State of one compilation: where the criteria are used, the collected errors, and the saved
 * segments being expanded (to refuse cycles).
 */
public final class CompileContext {

  private final List<FieldError> errors;
  private final Function<String, Optional<SavedSegment>> segments;
  private final Use use;
  private final Deque<String> expanding = new ArrayDeque<>();
  private CriteriaCompiler compiler;
  private boolean expanded;

  /**
   * {@code segments}: a saved segment by code, for {@code segment.member} (empty for an unknown
   * code or a segment it cannot refer to).
   */
  public CompileContext(
      List<FieldError> errors, Function<String, Optional<SavedSegment>> segments, Use use) {
    this.errors = errors;
    this.segments = segments;
    this.use = use;
  }

  /** A segment definition's compilation. */
  public CompileContext(
      List<FieldError> errors, Function<String, Optional<SavedSegment>> segments) {
    this(errors, segments, Use.SEGMENT);
  }

  public Use use() {
    return use;
  }

  public void error(String path, String message) {
    errors.add(new FieldError(path, message));
  }

  public boolean failed() {
    return !errors.isEmpty();
  }

  /** A saved segment, for {@code segment.member}. */
  public Optional<SavedSegment> segment(String code) {
    return segments.apply(code);
  }

  void compiler(CriteriaCompiler compiler) {
    this.compiler = compiler;
  }

  /** Compiles a nested tree (a saved segment's) with the compiler running this compilation. */
  public Compiled compile(Criteria criteria, String path) {
    return compiler.compile(criteria, path, this);
  }

  public boolean enter(String code) {
    if (expanding.contains(code)) {
      return false;
    }
    expanding.push(code);
    expanded = true;
    return true;
  }

  /**
   * Whether a saved segment's tree was compiled in: the result follows that definition and may not
   * be kept past a change of it.
   */
  public boolean expandedSegments() {
    return expanded;
  }

  public void leave() {
    expanding.pop();
  }
}
