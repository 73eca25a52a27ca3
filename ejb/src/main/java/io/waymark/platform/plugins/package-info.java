/**
 * Plugins (DESIGN §4a, ADR 0022): CDI beans with a key, a label and a parameter schema, gathered
 * into one {@link io.waymark.platform.plugins.Registry} per kind (segment criteria, scenario
 * element types, triggers, ...). Validation, the engine, the API catalogues and the console read
 * the same registry, so nothing is accepted at save that fails at run time. {@link
 * io.waymark.platform.plugins.Operator} is the one operator vocabulary of SPEC §1.
 */
package io.waymark.platform.plugins;
