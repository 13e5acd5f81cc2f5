package org.opsbook.benchmarks.support;

import java.util.ArrayList;
import java.util.List;

/** The positional arguments of the whole-process benchmarks' {@code main}: each may be left out for its default. */
public final class BenchArgs {
  private BenchArgs() {}

  /** The whole number at {@code index}, or {@code fallback} when there are fewer arguments. */
  public static int intAt(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }

  /** The comma-separated whole numbers at {@code index}, or those of {@code fallback} when there are fewer. */
  public static List<Integer> intsAt(String[] args, int index, String fallback) {
    List<Integer> values = new ArrayList<>();
    for (String v : (args.length > index ? args[index] : fallback).split(",")) {
      values.add(Integer.parseInt(v));
    }
    return values;
  }
}
