package org.hotbeat.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleTest {
  @ParameterizedTest(name = "{0} may call {1} routes: {2}")
  @CsvSource(textBlock = """
      admin,   admin,   true
      admin,   analyst, true
      admin,   patrol,  true
      admin,   public,  true
      analyst, admin,   false
      analyst, analyst, true
      analyst, patrol,  true
      analyst, public,  true
      patrol,  admin,   false
      patrol,  analyst, false
      patrol,  patrol,  true
      patrol,  public,  true
      public,  admin,   false
      public,  analyst, false
      public,  patrol,  false
      public,  public,  true
      """)
  void grantsFollowTheDocumentedTable(String caller, String route, boolean allowed) {
    assertEquals(allowed, Role.parse(caller).grants(Role.parse(route)));
  }

  @org.junit.jupiter.api.Test
  void anUnknownRoleNamesTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Role.parse("sergeant"));
    assertEquals("unknown role 'sergeant'; expected one of public, patrol, analyst, admin",
        e.getMessage());
  }
}
