package io.waymark.platform.criteria;

/**
 * What {@code segment.member} finds under the code of a saved segment: a tree to compile in, or a
 * segment whose members are listed one by one and are read where they are stored.
 */
public sealed interface SavedSegment {

  /** A criteria segment's tree. */
  record Tree(Criteria criteria) implements SavedSegment {}

  /** A segment of listed members (kind {@code static}), by its code. */
  record Listed(String code) implements SavedSegment {}
}
