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
 * UPN is national, so it is pseudonymised without the LA ({@code "upn|UPN"}). Other identifiers an
 * LA assigns (survey respondents, case audits) are keyed the same way in their own namespace
 * ({@code "respondent|LA|ID"}); a case ID is taken to be the child's LA identifier, so a case audit
 * links to the child's {@code child_key}. Not thread-safe.
 */
public final class Pseudonymiser {
  /** The namespace of child identifiers ({@link #child}). */
  public static final String CHILD = "child";

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
    return local(CHILD, la, childId);
  }

  /**
   * The pseudonym of an identifier LA {@code la} assigns in namespace {@code kind} ({@code child},
   * {@code respondent}, {@code audit}, ...): trimmed, case and leading zeros kept.
   */
  public String local(String kind, String la, String id) {
    return hash(kind + "|" + la + "|" + id.strip());
  }

  /** The pseudonym of a national identifier such as a UPN (trimmed, upper-cased). */
  public String national(String kind, String value) {
    return hash(kind + "|" + value.strip().toUpperCase(java.util.Locale.ROOT));
  }

  private String hash(String text) {
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
