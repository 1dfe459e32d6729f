package org.soseval.pipeline.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed HMAC-SHA-256 pseudonyms, as lower-case hex. A child identifier is an LA's own identifier,
 * so its pseudonym is keyed by the LA as well ({@code "child|LA|ID"}): the same child in the CIN
 * census and the SSDA903 of one LA gets the same key, two LAs' children with equal IDs do not. A
 * UPN is national, so it is pseudonymised without the LA ({@code "upn|UPN"}). Not thread-safe.
 */
public final class Pseudonymiser {
  private static final String ALGORITHM = "HmacSHA256";
  private final Mac mac;

  private Pseudonymiser(Mac mac) {
    this.mac = mac;
  }

  public static Pseudonymiser create(PseudonymKey key) {
    Objects.requireNonNull(key, "key is null");
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key.bytes(), ALGORITHM));
      return new Pseudonymiser(mac);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
    }
  }

  /** The pseudonym of an LA's child identifier (trimmed; case and leading zeros kept). */
  public String child(String la, String childId) {
    return hash("child|" + la + "|" + childId.strip());
  }

  /** The pseudonym of a national identifier such as a UPN (trimmed, upper-cased). */
  public String national(String kind, String value) {
    return hash(kind + "|" + value.strip().toUpperCase(java.util.Locale.ROOT));
  }

  private String hash(String text) {
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
