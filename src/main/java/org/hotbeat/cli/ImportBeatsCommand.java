package org.hotbeat.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.hotbeat.HotbeatException;
import org.hotbeat.ingest.BeatImporter;
import org.hotbeat.ingest.ImportReport;
import org.hotbeat.store.EmbeddedPostgres;
import org.hotbeat.store.ManagedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "beats", mixinStandardHelpOptions = true,
    description = {"Import beats or other named areas from GeoJSON, a zipped shapefile or a "
        + "GeoPackage (read by GDAL's ogr2ogr, reprojected to WGS84).",
        "Upserts by code: re-importing replaces names and shapes, never duplicates."})
final class ImportBeatsCommand implements Callable<Integer> {
  @Mixin DatabaseOptions db;

  @Parameters(paramLabel = "FILE", description = "The file (.geojson, .zip, .gpkg, .shp, ...).")
  Path file;

  @Option(names = "--code", required = true, paramLabel = "FIELD",
      description = "Property holding the area's code, e.g. BEAT_NUM.")
  String code;

  @Option(names = "--name", paramLabel = "FIELD",
      description = "Property holding its name (default: the code).")
  String name;

  @Option(names = "--district", paramLabel = "FIELD", description = "Property holding its district.")
  String district;

  @Option(names = "--agency", paramLabel = "A", description = "Agency. Default: ${DEFAULT-VALUE}.")
  String agency = "default";

  @Option(names = "--layer", paramLabel = "L", description = "Layer of a multi-layer file.")
  String layer;

  @Override
  public Integer call() {
    try (ManagedDatabase store = ManagedDatabase.open(ConfigOptions.toConfig(db), EmbeddedPostgres.Sharing.JOIN_RUNNING,
        null)) {
      BeatImporter.Result r = new BeatImporter(store.database().dataSource()).load(file, layer,
          new BeatImporter.Fields(code, name == null ? code : name, district), agency);
      System.out.printf("%s: %d features: %d areas inserted, %d updated, %d features rejected%n",
          file.getFileName(), r.features(), r.inserted(), r.updated(), r.rejects().size());
      for (ImportReport.RowIssue issue : r.rejects()) {
        System.out.println("  feature " + issue.row() + ": " + issue.reason());
      }
      return 0;
    } catch (IOException e) {
      throw new HotbeatException(e.getMessage() + "; nothing was imported", e);
    } catch (SQLException e) {
      throw new HotbeatException("the import failed in the database: " + e.getMessage()
          + "; nothing was imported", e);
    }
  }
}
