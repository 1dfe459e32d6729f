package org.soseval.pipeline.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a CSV deposit as text: UTF-8 (with or without a byte-order mark) or, when the bytes are not
 * UTF-8, Windows-1252. UTF-16 and binary files are rejected with a message saying so.
 */
final class CsvText {
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The encoding of a file and whether it starts with a UTF-8 byte-order mark. */
  record Encoding(Charset charset, boolean bom) {}

  private CsvText() {}

  static Encoding detect(Path file) throws FileRejected {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] start = in.readNBytes(4096);
      if (start.length == 0) {
        throw new FileRejected("the file is empty (no header line)");
      }
      if (start.length >= 2
          && ((start[0] == (byte) 0xFF && start[1] == (byte) 0xFE)
              || (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF))) {
        throw new FileRejected(
            "it is encoded as UTF-16; save it as UTF-8 (or Windows-1252) CSV and deposit it again");
      }
      for (byte b : start) {
        if (b == 0) {
          throw new FileRejected(
              "it holds NUL bytes: a binary file (e.g. Excel) or UTF-16 text, not a CSV; export"
                  + " it as UTF-8 CSV and deposit it again");
        }
      }
      boolean bom =
          start.length >= 3
              && start[0] == (byte) 0xEF
              && start[1] == (byte) 0xBB
              && start[2] == (byte) 0xBF;
      return new Encoding(isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252, bom);
    } catch (IOException e) {
      throw new FileRejected("it cannot be read: " + e.getClass().getSimpleName(), e);
    }
  }

  private static boolean isUtf8(Path file) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = Files.newInputStream(file)) {
      ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
      CharBuffer chars = CharBuffer.allocate(1 << 16);
      byte[] chunk = new byte[1 << 15];
      int read;
      while ((read = in.read(chunk)) >= 0) {
        bytes.put(chunk, 0, read);
        bytes.flip();
        try {
          chars.clear();
          if (decoder.decode(bytes, chars, false).isError()) {
            return false;
          }
        } catch (IllegalStateException e) {
          return false;
        }
        bytes.compact();
      }
      bytes.flip();
      chars.clear();
      return !decoder.decode(bytes, chars, true).isError() && !decoder.flush(chars).isError();
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** A reader over the file's text, without the byte-order mark. */
  static Reader open(Path file, Encoding encoding) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (encoding.bom()) {
      in.skipNBytes(3);
    }
    return new BufferedReader(new InputStreamReader(in, encoding.charset()), 1 << 16);
  }
}
