package org.soseval.pipeline.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.soseval.pipeline.PipelineErrors;

/**
 * The secret key of the pseudonyms. It is held in memory only: never written, logged or shown;
 * {@link #toString()} hides it.
 */
public final class PseudonymKey {
  /** The environment variable that may hold the key. */
  public static final String ENVIRONMENT_VARIABLE = "SOS_EVAL_KEY";

  /** The shortest key accepted: 32 bytes, the HMAC-SHA-256 block-size guidance (RFC 2104). */
  public static final int MINIMUM_BYTES = 32;

  private final byte[] bytes;
  private final String source;

  private PseudonymKey(byte[] bytes, String source) {
    this.bytes = bytes.clone();
    this.source = source;
  }

  /** The key in {@code file} (its bytes, with a trailing line break removed). */
  public static PseudonymKey fromFile(Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw PipelineErrors.usage(
          "Cannot read the pseudonym key file " + file,
          e.getClass().getSimpleName(),
          "Give --key a readable file of at least " + MINIMUM_BYTES + " bytes");
    }
    int length = content.length;
    while (length > 0 && (content[length - 1] == '\n' || content[length - 1] == '\r')) {
      length--;
    }
    return of(Arrays.copyOf(content, length), "key file " + file);
  }

  /** The key in environment variable {@value #ENVIRONMENT_VARIABLE}, if it is set. */
  public static Optional<PseudonymKey> fromEnvironment(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        of(value.getBytes(StandardCharsets.UTF_8), "environment variable " + ENVIRONMENT_VARIABLE));
  }

  /** A random key that lives only as long as this process (pseudonyms will not link to others). */
  public static PseudonymKey random() {
    byte[] bytes = new byte[MINIMUM_BYTES];
    new SecureRandom().nextBytes(bytes);
    return new PseudonymKey(bytes, "a random in-memory key");
  }

  static PseudonymKey of(byte[] bytes, String source) {
    if (bytes.length < MINIMUM_BYTES) {
      throw PipelineErrors.usage(
          "The pseudonym key from " + source + " is too short",
          "it has " + bytes.length + " bytes and at least " + MINIMUM_BYTES + " are needed",
          "Make a key with e.g. `head -c 48 /dev/urandom | base64 > pseudonym.key` and keep it"
              + " outside the lake");
    }
    return new PseudonymKey(bytes, source);
  }

  byte[] bytes() {
    return bytes.clone();
  }

  /** Where the key came from (never the key itself). */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "PseudonymKey[" + source + "]";
  }
}
