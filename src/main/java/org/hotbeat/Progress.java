package org.hotbeat;

/**
 * Where long work reports how far it has got: a sequence of phases, each with an amount of work
 * done so far out of a total (or no total when it cannot be known). The command line draws it as a
 * progress bar; library code and tests pass {@link #NONE}. Called from the working thread only.
 */
public interface Progress {
  /** Ignores every report. */
  Progress NONE = new Progress() {
    @Override
    public void phase(String name, long total) {}

    @Override
    public void advance(long amount) {}

    @Override
    public void finish() {}
  };

  /** Starts a new phase (ending the previous one); {@code total} 0 or less when unknown. */
  void phase(String name, long total);

  /** Adds {@code amount} to the work done in the current phase. */
  void advance(long amount);

  /** Ends the last phase. */
  void finish();
}
