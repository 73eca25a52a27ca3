package io.waymark.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the resource {@code <feature>.<action>} an endpoint is: only API tokens granted that name
 * may call it. Every API endpoint but login and the user-token endpoints carries one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiResource {
  String value();

  /**
   * Further resources the endpoint checks for some inputs (e.g. raw SQL needs {@code
   * segments.raw-sql}).
   */
  String[] also() default {};
}
