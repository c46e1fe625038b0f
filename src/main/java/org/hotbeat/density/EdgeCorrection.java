package org.hotbeat.density;

/**
 * How mass that a kernel puts outside the study area is given back (spatstat's names in brackets).
 * With e(u) = ∫_W K(u − v) dv the share of a kernel centred at u that lies inside the study area W:
 *
 * <ul>
 *   <li>{@link #NONE}: λ(u) = Σ w_i K(u − x_i) ({@code edge = FALSE}).
 *   <li>{@link #UNIFORM}: λ(u) = Σ w_i K(u − x_i) / e(u) ({@code edge = TRUE}, spatstat's default).
 *   <li>{@link #JONES_DIGGLE}: λ(u) = Σ w_i K(u − x_i) / e(x_i) ({@code edge = TRUE, diggle = TRUE});
 *       it keeps the total mass: the estimate integrates to Σ w_i over W.
 * </ul>
 */
public enum EdgeCorrection {
  NONE,
  UNIFORM,
  JONES_DIGGLE
}
