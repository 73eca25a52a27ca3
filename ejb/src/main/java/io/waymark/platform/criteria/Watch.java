package io.waymark.platform.criteria;

/**
 * What can flip a criterion for one user between two recounts of a segment (SPEC §4: members are
 * re-checked exactly when they can flip): a change of a user field, a tracked event arriving, a
 * change of the user's rows of a goal; with a window ({@code windowDays}), also the passing of
 * time, which a due re-check follows. A criterion that names none (e.g. {@code segment.member}) is
 * seen to flip only by the recount.
 */
public sealed interface Watch {

  /** A user field by its API name ({@code locale}, {@code fields.plan}). */
  record Field(String name) implements Watch {}

  /** A tracked event by name, counted within {@code windowDays} (null: ever). */
  record Event(String name, Integer windowDays) implements Watch {}

  /** The user's rows of a goal, read within {@code windowDays} (null: whatever their age). */
  record Goal(String code, Integer windowDays) implements Watch {}
}
