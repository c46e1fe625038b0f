package org.hotbeat.streets;

import java.time.Instant;

/**
 * One completed street import: its source, its graph and what it kept.
 *
 * @param id the import's number; the highest is the one in service
 * @param sourceFile the OSM file, as given
 * @param sourceBytes its size
 * @param graphName the graph's subdirectory in the graph directory
 * @param graphNodes junctions and way ends in the graph
 * @param graphEdges edges in the graph, kept or not
 * @param streetEdges edges of the street network (basemap and routing)
 * @param fragments stray pieces left out ({@link MainNetwork})
 * @param fragmentEdges edges in those pieces
 * @param fragmentMetres their length in metres
 * @param closedEdges edges no mode may use
 * @param bounds extent of the street network, {@code [west, south, east, north]} in degrees
 * @param startedAt when the import started
 * @param importedAt when the import was committed
 */
public record StreetImport(long id, String sourceFile, long sourceBytes, String graphName,
    int graphNodes, int graphEdges, int streetEdges, int fragments, int fragmentEdges,
    double fragmentMetres, int closedEdges, double[] bounds, Instant startedAt, Instant importedAt) {

  /** How long the import took, from reading the file to the commit. */
  public double seconds() {
    return java.time.Duration.between(startedAt, importedAt).toNanos() / 1e9;
  }
}
