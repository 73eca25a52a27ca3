package io.waymark.scenarios.engine.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSDestinationDefinition;

/**
 * Runs the jobs handed off after a commit — goal wake-ups, a finished job's descendants, a
 * trigger's first jobs — exactly as {@link ScenarioJobConsumer} runs the dispatcher's batches
 * ({@link ScenarioJobMessages}), from a queue of their own: a woken job never waits behind the up
 * to {@code waymark.scenarios.max-in-flight} claimed jobs the dispatcher queued (both brokers hand
 * a consumer its messages ahead of time, so a priority alone does not overtake them; ADR 0024).
 */
@JMSDestinationDefinition(
    name = ScenarioJobQueue.HAND_OFFS,
    interfaceName = "jakarta.jms.Queue",
    destinationName = "WaymarkScenarioHandOffs")
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = ScenarioJobQueue.HAND_OFFS),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScenarioHandOffConsumer extends ScenarioJobMessages {}
