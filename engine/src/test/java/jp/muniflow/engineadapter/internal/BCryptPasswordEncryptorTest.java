package jp.muniflow.engineadapter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BCryptPasswordEncryptorTest {

  private final BCryptPasswordEncryptor encryptor = new BCryptPasswordEncryptor(4);

  @Test
  void a_hash_checks_only_its_own_password() {
    String hash = encryptor.encrypt("correct horse battery staple" + "salt");
    assertThat(hash).startsWith("$2a$04$");
    assertThat(encryptor.check("correct horse battery staple" + "salt", hash)).isTrue();
    assertThat(encryptor.check("correct horse battery stapl" + "salt", hash)).isFalse();
  }

  @Test
  void every_character_of_a_long_password_counts() {
    String longPassword = "x".repeat(100);
    String hash = encryptor.encrypt(longPassword + "a");
    assertThat(encryptor.check(longPassword + "b", hash)).isFalse();
  }

  @Test
  void the_same_password_hashes_differently_each_time() {
    assertThat(encryptor.encrypt("secret")).isNotEqualTo(encryptor.encrypt("secret"));
  }
}
