package org.soseval.pipeline.instruments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a respondent, audit or case identifier with a pseudonym. The ingest stage's {@code
 * privacy} package is not in this tree yet; when it arrives, adapt it to this interface (one
 * method) and pass it to {@link InstrumentReader}. Until then {@link #hmacSha256} is the project's
 * approach (product.md "Identifiers and privacy"): a keyed HMAC-SHA-256 of the raw identifier,
 * lower-case hex, so the same key gives the same pseudonym as ingest would for a case ID shared
 * with the CIN census.
 */
@FunctionalInterface
public interface Pseudonymiser {
  /** The pseudonym of a non-blank identifier. */
  String pseudonym(String identifier);

  /** Keyed HMAC-SHA-256; the key is held only in memory. */
  static Pseudonymiser hmacSha256(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("a pseudonymisation key needs at least 16 bytes");
    }
    SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
    return identifier -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(spec);
        return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA-256 is not available", e);
      }
    };
  }

  /**
   * HMAC-SHA-256 under a random key for this run only: for analyses that need identifiers only to
   * group rows (no pseudonym is written), when no key file is configured.
   */
  static Pseudonymiser forThisRun() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return hmacSha256(key);
  }
}
