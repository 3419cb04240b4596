package dev.hilbench.cli;

import picocli.CommandLine;

/** The version Maven wrote into the jar's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"hilbench " + (version == null ? "(development build)" : version)};
  }
}
