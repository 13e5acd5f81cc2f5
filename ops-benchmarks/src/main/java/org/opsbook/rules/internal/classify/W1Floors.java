package org.opsbook.rules.internal.classify;

/**
 * The W1 floors: what a programmer writes by hand for the 40 rules. {@link #ifChain} is the literal if-chain;
 * {@link #branchFree} walks the rules as arrays and sets bits without branching on the outcome.
 */
final class W1Floors {
  private static final int[] FIELD = new int[W1.RULES];
  private static final long[] THRESHOLD = new long[W1.RULES];
  private static final long[] BY_SEVERITY = new long[6];

  static {
    for (int i = 0; i < W1.RULES; i++) {
      FIELD[i] = W1.field(i);
      THRESHOLD[i] = W1.threshold(i);
      BY_SEVERITY[W1.severity(i)] |= 1L << i;
    }
  }

  private W1Floors() {}

  /** The bit of a packed if-chain result where the severity starts; the 40 rule bits sit below it. */
  static final int SEVERITY_SHIFT = 56;

  /** The hand-written if-chain; returns the matched bits with the severity packed above them. */
  static long ifChain(long[] f) {
    long m = 0;
    int s = 0;
    if (f[0] >= 100) {
      m |= 1L << 0;
      s = Math.max(s, 1);
    }
    if (f[1] >= 311) {
      m |= 1L << 1;
      s = Math.max(s, 2);
    }
    if (f[2] >= 522) {
      m |= 1L << 2;
      s = Math.max(s, 3);
    }
    if (f[3] >= 733) {
      m |= 1L << 3;
      s = Math.max(s, 4);
    }
    if (f[4] >= 944) {
      m |= 1L << 4;
      s = Math.max(s, 5);
    }
    if (f[5] >= 255) {
      m |= 1L << 5;
      s = Math.max(s, 1);
    }
    if (f[6] >= 466) {
      m |= 1L << 6;
      s = Math.max(s, 2);
    }
    if (f[7] >= 677) {
      m |= 1L << 7;
      s = Math.max(s, 3);
    }
    if (f[8] >= 888) {
      m |= 1L << 8;
      s = Math.max(s, 4);
    }
    if (f[9] >= 199) {
      m |= 1L << 9;
      s = Math.max(s, 5);
    }
    if (f[0] >= 410) {
      m |= 1L << 10;
      s = Math.max(s, 1);
    }
    if (f[1] >= 621) {
      m |= 1L << 11;
      s = Math.max(s, 2);
    }
    if (f[2] >= 832) {
      m |= 1L << 12;
      s = Math.max(s, 3);
    }
    if (f[3] >= 143) {
      m |= 1L << 13;
      s = Math.max(s, 4);
    }
    if (f[4] >= 354) {
      m |= 1L << 14;
      s = Math.max(s, 5);
    }
    if (f[5] >= 565) {
      m |= 1L << 15;
      s = Math.max(s, 1);
    }
    if (f[6] >= 776) {
      m |= 1L << 16;
      s = Math.max(s, 2);
    }
    if (f[7] >= 987) {
      m |= 1L << 17;
      s = Math.max(s, 3);
    }
    if (f[8] >= 298) {
      m |= 1L << 18;
      s = Math.max(s, 4);
    }
    if (f[9] >= 509) {
      m |= 1L << 19;
      s = Math.max(s, 5);
    }
    if (f[0] >= 720) {
      m |= 1L << 20;
      s = Math.max(s, 1);
    }
    if (f[1] >= 931) {
      m |= 1L << 21;
      s = Math.max(s, 2);
    }
    if (f[2] >= 242) {
      m |= 1L << 22;
      s = Math.max(s, 3);
    }
    if (f[3] >= 453) {
      m |= 1L << 23;
      s = Math.max(s, 4);
    }
    if (f[4] >= 664) {
      m |= 1L << 24;
      s = Math.max(s, 5);
    }
    if (f[5] >= 875) {
      m |= 1L << 25;
      s = Math.max(s, 1);
    }
    if (f[6] >= 186) {
      m |= 1L << 26;
      s = Math.max(s, 2);
    }
    if (f[7] >= 397) {
      m |= 1L << 27;
      s = Math.max(s, 3);
    }
    if (f[8] >= 608) {
      m |= 1L << 28;
      s = Math.max(s, 4);
    }
    if (f[9] >= 819) {
      m |= 1L << 29;
      s = Math.max(s, 5);
    }
    if (f[0] >= 130) {
      m |= 1L << 30;
      s = Math.max(s, 1);
    }
    if (f[1] >= 341) {
      m |= 1L << 31;
      s = Math.max(s, 2);
    }
    if (f[2] >= 552) {
      m |= 1L << 32;
      s = Math.max(s, 3);
    }
    if (f[3] >= 763) {
      m |= 1L << 33;
      s = Math.max(s, 4);
    }
    if (f[4] >= 974) {
      m |= 1L << 34;
      s = Math.max(s, 5);
    }
    if (f[5] >= 285) {
      m |= 1L << 35;
      s = Math.max(s, 1);
    }
    if (f[6] >= 496) {
      m |= 1L << 36;
      s = Math.max(s, 2);
    }
    if (f[7] >= 707) {
      m |= 1L << 37;
      s = Math.max(s, 3);
    }
    if (f[8] >= 918) {
      m |= 1L << 38;
      s = Math.max(s, 4);
    }
    if (f[9] >= 229) {
      m |= 1L << 39;
      s = Math.max(s, 5);
    }
    return m | (long) s << SEVERITY_SHIFT;
  }

  /** The branch-free table walk; returns the matched bits. */
  static long branchFree(long[] f) {
    long m = 0;
    for (int i = 0; i < W1.RULES; i++) {
      m |= (((f[FIELD[i]] - THRESHOLD[i]) >>> 63) ^ 1L) << i;
    }
    return m;
  }

  /** The severity of a branch-free match: the highest severity with a bit set. */
  static int severity(long m) {
    for (int s = 5; s > 0; s--) {
      if ((m & BY_SEVERITY[s]) != 0) {
        return s;
      }
    }
    return 0;
  }
}
