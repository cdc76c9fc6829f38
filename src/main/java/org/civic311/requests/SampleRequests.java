package org.civic311.requests;

/** Fills a city with realistic-looking requests for demos and benchmarks (never in production). */
public interface SampleRequests {

  /**
   * Generates requests spread over the past year across the active categories and the city's area,
   * in batches inside the database, and returns how many were added.
   *
   * @param count how many to add
   * @param progress told after each batch how many are done
   */
  int generate(int count, java.util.function.IntConsumer progress);
}
