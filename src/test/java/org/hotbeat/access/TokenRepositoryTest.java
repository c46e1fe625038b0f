package org.hotbeat.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenRepositoryTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();

  private final TokenRepository tokens = new TokenRepository(db.dataSource());

  @Test
  void aCreatedTokenIdentifiesItsHolderAndRole() throws Exception {
    TokenRepository.NewToken t = tokens.create("j.doe", Role.PATROL);
    assertTrue(t.secret().startsWith("hb_"));
    assertEquals(new TokenRepository.Caller("j.doe", Role.PATROL, TokenRepository.Via.TOKEN, false),
        tokens.authenticate(t.secret()).orElseThrow());
  }

  @Test
  void onlyTheHashIsStored() throws Exception {
    TokenRepository.NewToken t = tokens.create("hash-check", Role.ANALYST);
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM api_token WHERE name = 'hash-check'")) {
      assertTrue(rs.next());
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        String value = rs.getString(i);
        assertFalse(value != null && value.contains(t.secret().substring(3, 20)),
            "column " + rs.getMetaData().getColumnName(i) + " holds the token");
      }
    }
  }

  @Test
  void aRevokedTokenIsRefusedAtOnce() throws Exception {
    TokenRepository.NewToken t = tokens.create("leaver", Role.ANALYST);
    assertTrue(tokens.authenticate(t.secret()).isPresent());
    assertEquals(1, tokens.revoke("leaver"));
    assertTrue(tokens.authenticate(t.secret()).isEmpty());
    assertEquals(0, tokens.revoke("leaver"), "nothing left to revoke");
  }

  @Test
  void revokingByIdLeavesOtherTokensOfTheSameNameAlone() throws Exception {
    TokenRepository.NewToken a = tokens.create("tablet", Role.PATROL);
    TokenRepository.NewToken b = tokens.create("tablet", Role.PATROL);
    assertEquals(1, tokens.revoke(Long.toString(a.info().id())));
    assertTrue(tokens.authenticate(a.secret()).isEmpty());
    assertTrue(tokens.authenticate(b.secret()).isPresent());
  }

  @Test
  void unknownAndMalformedTokensAreRefused() throws Exception {
    assertTrue(tokens.authenticate("hb_doesnotexist").isEmpty());
    assertTrue(tokens.authenticate("not-a-token").isEmpty());
    assertTrue(tokens.authenticate("hb_" + "x".repeat(500)).isEmpty());
    assertTrue(tokens.authenticate(null).isEmpty());
  }

  @Test
  void publicRoleTokensAndNamelessTokensCannotBeCreated() {
    assertThrows(IllegalArgumentException.class, () -> tokens.create("x", Role.PUBLIC));
    assertThrows(IllegalArgumentException.class, () -> tokens.create(" ", Role.ANALYST));
  }

  @Test
  void listingShowsStateButNoSecret() throws Exception {
    tokens.create("listed", Role.ADMIN);
    tokens.revoke("listed");
    TokenRepository.TokenInfo info = tokens.list().stream().filter(i -> i.name().equals("listed"))
        .findFirst().orElseThrow();
    assertFalse(info.active(java.time.Instant.now()));
    assertEquals(Role.ADMIN, info.role());
  }
}
