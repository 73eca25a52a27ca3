package io.waymark.platform.plugins;

import java.util.List;

/**
 * A feature's contribution to the trigger vocabulary: the domain events it fires (a CDI bean; a
 * trigger is registered by the issue that makes it fire).
 */
public interface TriggerSource {

  List<Trigger> triggers();
}
