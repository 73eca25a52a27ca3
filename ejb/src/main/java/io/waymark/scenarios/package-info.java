/**
 * Scenarios (journeys): the definition graph of triggers and elements, its JSON document
 * (import/export), validation before save, and the lifecycle (enable, disable, duplicate, soft
 * delete, restore). The engine that runs scenarios lives in {@code io.waymark.scenarios.engine}.
 */
package io.waymark.scenarios;
