package org.hotbeat.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.store.EmbeddedPostgres;
import org.hotbeat.store.ManagedDatabase;
import org.hotbeat.streets.StreetImport;
import org.hotbeat.streets.StreetImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "streets", mixinStandardHelpOptions = true,
    description = {"Build the street graph (car and foot) and the street basemap from an "
        + "OpenStreetMap extract (.osm.pbf or .osm XML).",
        "Replaces the previous streets in one step; if anything fails they stay in service. "
            + "A running server switches to the new graph by itself."})
final class ImportStreetsCommand implements Callable<Integer> {
  @Mixin DatabaseOptions db;
  @Mixin StreetOptions streets;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The OSM extract: .osm.pbf, .osm or .osm.gz.")
  Path file;

  @Override
  public Integer call() {
    HotbeatConfig config = ConfigOptions.toConfig(db, streets);
    try (ManagedDatabase store = ManagedDatabase.open(config, EmbeddedPostgres.Sharing.JOIN_RUNNING, null)) {
      StreetImport done = new StreetImporter(store.database().dataSource(), config.graphDir())
          .importFile(file, PhaseProgressBar.onStandardError());
      spec.commandLine().getOut().printf(
          "imported %s in %.1f s: %,d street edges (graph: %,d nodes, %,d edges in %s); "
              + "%d stray fragments left out (%,d edges, %.1f km); %,d edges closed to cars and "
              + "pedestrians%n",
          file, done.seconds(), done.streetEdges(), done.graphNodes(), done.graphEdges(),
          config.graphDir().resolve(done.graphName()), done.fragments(), done.fragmentEdges(),
          done.fragmentMetres() / 1000, done.closedEdges());
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
