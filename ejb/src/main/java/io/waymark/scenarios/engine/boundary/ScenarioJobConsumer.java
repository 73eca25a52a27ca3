package io.waymark.scenarios.engine.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSDestinationDefinition;

/**
 * Runs the dispatcher's batches of claimed jobs ({@link ScenarioJobMessages}). On Payara a few at a
 * time ({@code glassfish-ejb-jar.xml}): more concurrent batch transactions add no throughput on a
 * small machine and take the CPU from {@link ScenarioHandOffConsumer}'s woken jobs (ADR 0024).
 */
@JMSDestinationDefinition(
    name = ScenarioJobQueue.QUEUE,
    interfaceName = "jakarta.jms.Queue",
    destinationName = "WaymarkScenarioJobs")
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = ScenarioJobQueue.QUEUE),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScenarioJobConsumer extends ScenarioJobMessages {}
