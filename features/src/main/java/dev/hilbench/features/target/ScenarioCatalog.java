package dev.hilbench.features.target;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.PickleTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The scenarios of the feature files on the class path (a directory while developing, a jar in
 * {@code ./hilbench}), with their tags: what a run can say it left out, and why.
 */
public final class ScenarioCatalog {

  /** Where the features live on the class path. */
  public static final String ROOT = "features";

  private ScenarioCatalog() {}

  public static List<ScenarioInfo> load(ClassLoader loader) {
    URL url = loader.getResource(ROOT);
    if (url == null) {
      throw new IllegalStateException("no '" + ROOT + "' directory on the class path: the feature files are missing");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return load(jar.provider().getPath(uri));
        } catch (FileSystemAlreadyExistsException e) {
          return load(Path.of(uri)); // opened by someone else (Cucumber's scanner): theirs to close
        }
      }
      return load(Path.of(uri));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot list the feature files at " + url + ": " + e.getMessage(), e);
    }
  }

  /** Every scenario of every {@code .feature} file under {@code dir}, in file-name order. */
  public static List<ScenarioInfo> load(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".feature")).sorted().toList();
    }
    List<ScenarioInfo> all = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        all.addAll(parse(file.getFileName().toString(), in.readAllBytes()));
      }
    }
    return all;
  }

  /** The scenarios of one feature file's text. */
  public static List<ScenarioInfo> parse(String name, byte[] gherkin) {
    GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(false).build();
    try (Stream<Envelope> envelopes = parser.parse(name, gherkin)) {
      List<ScenarioInfo> out = new ArrayList<>();
      envelopes.forEach(e -> {
        e.getParseError().ifPresent(err -> {
          throw new IllegalArgumentException(name + ": " + err.getMessage());
        });
        e.getPickle().ifPresent(p -> out.add(new ScenarioInfo(name, p.getName(),
            p.getTags().stream().map(PickleTag::getName).map(t -> t.startsWith("@") ? t.substring(1) : t).toList())));
      });
      return out;
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }
}
