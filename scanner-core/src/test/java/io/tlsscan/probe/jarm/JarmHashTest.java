package io.tlsscan.probe.jarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JARM's fuzzy hash against the reference's. The expected values were computed with {@code
 * jarm_hash_reference.py} (a line-for-line transcription of the hash step of salesforce/jarm's
 * {@code jarm.py}, in the test resources); the last test runs that script on random answers when
 * python3 is installed.
 */
class JarmHashTest {
  private static final List<String> TYPICAL =
      List.of(
          "c02f|0303|h2|ff01-0000-0001-000b-0023-0010",
          "c02f|0303|h2|ff01-0000-0001-000b-0023-0010",
          "|||",
          "c030|0303||ff01-0000-0001-000b-0023",
          "|||",
          "c013|0302||ff01-0000-0001-000b-0023",
          "1301|0303|h2|002b-0033",
          "1302|0303|h2|002b-0033",
          "|||",
          "1301|0303|h2|002b-0033");

  @Test
  void tenAnswersHashAsTheReferenceHashesThem() {
    assertThat(JarmHash.of(TYPICAL))
        .isEqualTo("29d29d0002ad00021c41d42d00041dc4a3248561c9522ab84a8683e1c0e404");
  }

  @Test
  void noAnswersGiveSixtyTwoZeros() {
    assertThat(JarmHash.of(Collections.nCopies(10, "|||"))).isEqualTo("0".repeat(62));
  }

  @Test
  void unlistedSuitesAndExtraEmptyFieldsCountAsTheReferenceCountsThem() {
    List<String> answers = new ArrayList<>(Collections.nCopies(10, "|||"));
    answers.set(0, "0067|0301|||||"); // the reference's "|||" after unreadable extensions
    answers.set(1, "00ff|0300|||"); // a suite outside the list: place 70, "46"
    answers.set(9, "cca9|0303|http/1.1|0017");
    assertThat(JarmHash.of(answers))
        .isEqualTo("0eb46a00000000000000000000040d2e47366d7a8232dc15d1cf07cf8d0820");
  }

  @Test
  void aVersionTheReferenceCannotHashIsAnError() {
    List<String> answers = new ArrayList<>(TYPICAL);
    answers.set(0, "c02f|030a|h2|ff01");
    assertThatThrownBy(() -> JarmHash.of(answers)).hasMessageContaining("030a");
  }

  @Test
  void randomAnswersHashAsTheTranscribedReferenceHashesThem(@TempDir Path dir)
      throws IOException, InterruptedException {
    assumeTrue(python3Present(), "python3 is not installed");
    Path script = dir.resolve("jarm_hash_reference.py");
    try (InputStream in = getClass().getResourceAsStream("jarm_hash_reference.py")) {
      Files.copy(in, script);
    }
    Random random = new Random(20201117);
    List<List<String>> sets = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      sets.add(randomAnswers(random));
    }
    Path input = dir.resolve("answers.txt");
    Files.write(input, sets.stream().map(JarmHash::raw).toList());
    Process python =
        new ProcessBuilder("python3", script.toString())
            .redirectInput(input.toFile())
            .redirectErrorStream(true)
            .start();
    List<String> expected =
        Arrays.asList(
            new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(expected).hasSize(sets.size());
    for (int i = 0; i < sets.size(); i++) {
      assertThat(JarmHash.of(sets.get(i))).as("answers %s", sets.get(i)).isEqualTo(expected.get(i));
    }
  }

  private static List<String> randomAnswers(Random random) {
    List<String> suites =
        List.of("c02f", "c030", "1301", "1302", "1303", "cca9", "0005", "00ff", "c0a3", "");
    List<String> versions = List.of("0300", "0301", "0302", "0303", "");
    List<String> alpns = List.of("", "h2", "http/1.1", "hq");
    List<String> extensions = List.of("", "ff01", "ff01-0000-000b", "002b-0033", "0017-0023-0010");
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      if (random.nextInt(4) == 0) {
        answers.add("|||");
      } else {
        answers.add(
            String.join(
                "|",
                pick(suites, random),
                pick(versions.subList(0, 4), random),
                pick(alpns, random),
                pick(extensions, random)));
      }
    }
    return answers;
  }

  private static String pick(List<String> options, Random random) {
    return options.get(random.nextInt(options.size()));
  }

  private static boolean python3Present() {
    try {
      return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
