package org.soseval.pipeline.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A small text file's bytes read whole and decoded strictly: UTF-8 when every byte sequence is
 * valid UTF-8, a leading byte-order mark dropped; otherwise the caller chooses Windows-1252 (what
 * spreadsheets on Windows save) or refuses the file.
 */
public final class TextBytes {
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final byte[] bytes;
  private final int start;

  private TextBytes(byte[] bytes) {
    this.bytes = bytes;
    this.start =
        bytes.length >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF
            ? 3
            : 0;
  }

  public static TextBytes of(byte[] bytes) {
    return new TextBytes(bytes.clone());
  }

  /** Reads {@code path}; an unreadable file is an {@link UncheckedIOException} naming it. */
  public static TextBytes read(Path path) {
    try {
      return new TextBytes(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  /** Whether the bytes start with a UTF-16 byte-order mark (either byte order). */
  public boolean utf16() {
    return bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
  }

  /** Whether any byte is NUL: a binary file (a spreadsheet) or UTF-16 text, not 8-bit text. */
  public boolean hasNul() {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  /** The text as UTF-8 without its byte-order mark, or empty when the bytes are not UTF-8. */
  public Optional<String> utf8() {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The text as Windows-1252 (every byte decodes), a UTF-8 byte-order mark dropped. */
  public String windows1252() {
    return new String(bytes, start, bytes.length - start, WINDOWS_1252);
  }
}
