package dev.hilbench.features.report;

import dev.hilbench.features.target.Target;
import io.cucumber.junitxmlformatter.MessagesToJunitXmlWriter;
import io.cucumber.messages.types.Envelope;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Cucumber's JUnit XML report, with the test suite named after the target the scenarios ran on
 * ({@code hilbench features on virtual}) where Cucumber's own says {@code Cucumber}, so that a CI
 * page listing several runs tells them apart. Use as {@code dev.hilbench.features.report.TargetJunitXml:FILE}.
 */
public final class TargetJunitXml implements ConcurrentEventListener {

  private final OutputStream out;
  private MessagesToJunitXmlWriter writer;

  public TargetJunitXml(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(Envelope.class, this::write);
  }

  private synchronized void write(Envelope envelope) {
    try {
      if (writer == null) {
        writer = MessagesToJunitXmlWriter.builder().testSuiteName("hilbench features on " + Target.current().id())
            .build(out);
      }
      writer.write(envelope);
      if (envelope.getTestRunFinished().isPresent()) {
        writer.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the JUnit XML report", e);
    }
  }
}
