package org.soseval.pipeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.PipelineException;

class PrivacyTest {
  private static final PseudonymKey KEY =
      PseudonymKey.fromEnvironment("0123456789abcdef0123456789abcdef").orElseThrow();

  @Test
  void pseudonymIsTheHmacSha256OfTheLaAndTheId() {
    // Python 3: hmac.new(b"0123456789abcdef0123456789abcdef", b"child|855|000123",
    // "sha256").hexdigest()
    assertThat(Pseudonymiser.create(KEY).child("855", " 000123 "))
        .isEqualTo("44c590c84f8aa086d6d07cb922db8fb9b92802920922142f9f2bfd95c83d771a")
        .isNotEqualTo(Pseudonymiser.create(KEY).child("855", "123"))
        .isNotEqualTo(Pseudonymiser.create(KEY).child("856", "000123"));
  }

  @Test
  void shortKeysAreRefusedWithHowToMakeOne(@TempDir Path temp) throws Exception {
    Path file = temp.resolve("short.key");
    Files.writeString(file, "too short\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PseudonymKey.fromFile(file))
        .isInstanceOf(PipelineException.class)
        .hasMessage(
            "The pseudonym key from key file "
                + file
                + " is too short: it has 9 bytes and at least 32 are needed. Make a key with e.g."
                + " `head -c 48 /dev/urandom | base64 > pseudonym.key` and keep it outside the"
                + " lake");
  }

  @Test
  void keyNeverAppearsInItsDescription() {
    assertThat(KEY.toString()).doesNotContain("0123456789abcdef");
  }

  @Test
  void postcodesBecomeSectors() {
    assertThat(Degrade.postcodeSector("ab12 3cd")).contains("AB12 3");
    assertThat(Degrade.postcodeSector("W1A1AA")).contains("W1A 1");
    assertThat(Degrade.postcodeSector("not a postcode")).isEmpty();
  }

  @Test
  void agesAreWholeYearsAndDatesOfBirthTheFirstOfTheMonth() {
    assertThat(Degrade.ageInYears(LocalDate.of(2010, 3, 31), LocalDate.of(2016, 3, 30)))
        .contains(5);
    assertThat(Degrade.ageInYears(LocalDate.of(2010, 3, 31), LocalDate.of(2016, 3, 31)))
        .contains(6);
    assertThat(Degrade.firstOfMonth(LocalDate.of(2010, 3, 31))).isEqualTo(LocalDate.of(2010, 3, 1));
  }
}
