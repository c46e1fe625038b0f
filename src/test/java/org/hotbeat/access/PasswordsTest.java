package org.hotbeat.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {
  @Test
  void aHashIsAnArgon2idPhcStringWithOwaspParametersThatVerifiesOnlyItsPassword() {
    String phc = Passwords.hash("correct horse battery");
    assertTrue(phc.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$"
        + "[A-Za-z0-9+/]{43}"), phc);
    assertTrue(Passwords.verify(phc, "correct horse battery"));
    assertFalse(Passwords.verify(phc, "correct horse batterY"));
    assertFalse(Passwords.verify(phc, ""));
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertNotEquals(Passwords.hash("same password here"), Passwords.hash("same password here"));
  }

  @Test
  void noAccountNeverVerifiesButCostsTheSameWork() {
    assertFalse(Passwords.verify(null, "not a password: equal timing for unknown names"));
    assertFalse(Passwords.verify("$bcrypt$junk", "x"));
  }

  @Test
  void generatedPasswordsAreLongAndDiffer() {
    String a = Passwords.generate();
    assertTrue(a.length() >= 20, a);
    assertNotEquals(a, Passwords.generate());
  }
}
