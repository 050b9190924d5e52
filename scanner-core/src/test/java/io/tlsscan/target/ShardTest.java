package io.tlsscan.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {
  private final TargetParser parser = new TargetParser();

  private List<HostListEntry> entries(int count) {
    return IntStream.rangeClosed(1, count)
        .boxed()
        .flatMap(i -> parser.parse("host" + i + ".example.com:" + (400 + i % 7), i))
        .toList();
  }

  @Test
  void everyEntryFallsInExactlyOneShard() {
    List<HostListEntry> entries = entries(10_000);
    int[] sizes = new int[5];
    for (HostListEntry entry : entries) {
      int hits = 0;
      for (int index = 0; index < 5; index++) {
        if (new Shard(index, 5).contains(entry)) {
          hits++;
          sizes[index]++;
        }
      }
      assertThat(hits).as("shards holding %s", entry).isEqualTo(1);
    }
    // A stable hash spreads the list evenly: each shard within 10% of a fifth.
    for (int size : sizes) {
      assertThat(size).isBetween(1800, 2200);
    }
  }

  @Test
  void theSameTargetFallsInTheSameShardOnEveryMachine() {
    HostListEntry entry =
        parser.parse("www.example.org:8443 192.0.2.7", 42).findFirst().orElseThrow();
    // The hash must not depend on the JVM, the locale or the run: check it against FNV-1a.
    int shard =
        IntStream.range(0, 4)
            .filter(i -> new Shard(i, 4).contains(entry))
            .findFirst()
            .orElseThrow();
    assertThat(shard).isEqualTo(stableShardOf("www.example.org|8443|192.0.2.7", 4));
  }

  /** FNV-1a 64 over the UTF-8 key, written out independently of {@link Shard}. */
  private static int stableShardOf(String key, int count) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return (int) Long.remainderUnsigned(hash, count);
  }

  @Test
  void parsesAndRejectsShardSpecifications() {
    assertThat(Shard.parse("0/4")).isEqualTo(new Shard(0, 4));
    assertThat(Shard.parse(" 3 / 4 ")).isEqualTo(new Shard(3, 4));
    assertThatThrownBy(() -> Shard.parse("4/4")).hasMessageContaining("0..3");
    assertThatThrownBy(() -> Shard.parse("1")).hasMessageContaining("expected I/N");
    assertThatThrownBy(() -> Shard.parse("a/b")).hasMessageContaining("\"a/b\"");
    assertThatThrownBy(() -> Shard.parse("0/0")).hasMessageContaining("at least 1");
  }
}
