package org.soseval.pipeline.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextBytesTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @Test
  void utf8WithAByteOrderMarkDecodesWithoutIt() {
    byte[] bytes = concat(BOM, "caf\u00e9".getBytes(StandardCharsets.UTF_8));
    assertThat(TextBytes.of(bytes).utf8()).contains("caf\u00e9");
  }

  @Test
  void windows1252BytesAreNotUtf8ButDecodeAsWindows1252() {
    byte[] bytes = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x80};
    TextBytes text = TextBytes.of(bytes);
    assertThat(text.utf8()).isEmpty();
    assertThat(text.windows1252()).isEqualTo("caf\u00e9 \u20ac");
  }

  @Test
  void aByteOrderMarkIsDroppedWhenTheRestIsReadAsWindows1252() {
    byte[] bytes = concat(BOM, new byte[] {'a', (byte) 0xE9});
    TextBytes text = TextBytes.of(bytes);
    assertThat(text.utf8()).isEmpty();
    assertThat(text.windows1252()).isEqualTo("a\u00e9");
  }

  @Test
  void utf16AndNulBytesAreRecognised() {
    assertThat(TextBytes.of(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}).utf16()).isTrue();
    assertThat(TextBytes.of(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'a'}).utf16()).isTrue();
    assertThat(TextBytes.of(new byte[] {'a', 0, 'b'}).hasNul()).isTrue();
    assertThat(TextBytes.of("a,b\n".getBytes(StandardCharsets.UTF_8)).hasNul()).isFalse();
    assertThat(TextBytes.of("a,b\n".getBytes(StandardCharsets.UTF_8)).utf16()).isFalse();
  }

  @Test
  void emptyBytesAreEmptyText() {
    assertThat(TextBytes.of(new byte[0]).utf8()).contains("");
  }

  @Test
  void aMissingFileIsAnErrorNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> TextBytes.read(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(missing.toString());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
