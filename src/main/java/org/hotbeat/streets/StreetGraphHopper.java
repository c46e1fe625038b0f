package org.hotbeat.streets;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.Directory;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.LocationIndexTree;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.PMap;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * GraphHopper set up for hotbeat's street graph: the encoded values and the two profiles of
 * {@link TravelMode}, and, in place of GraphHopper's own subnetwork clean-up, {@link MainNetwork}
 * (keep the biggest connected network per mode, drop stray fragments). Not thread-safe while it
 * imports; a loaded instance routes from many threads.
 */
final class StreetGraphHopper extends GraphHopper {
  /** Everything the two custom models and the street table read; GraphHopper 11 requires the list. */
  static final String ENCODED_VALUES = "car_access, car_average_speed, foot_access, foot_priority, "
      + "foot_average_speed, foot_road_access, road_class, road_class_link, road_environment, "
      + "roundabout, max_speed";

  /** Cell size of the location index, in metres. */
  static final int INDEX_METRES = 50;

  private MainNetwork.Result network;

  StreetGraphHopper(Path location) {
    setGraphHopperLocation(location.toString());
    setEncodedValuesString(ENCODED_VALUES);
    setProfiles(new Profile(TravelMode.CAR.id()).setCustomModel(carModel()),
        new Profile(TravelMode.FOOT.id()).setCustomModel(footModel()));
  }

  /** GraphHopper's bundled car model: car access only, speed from road class and max speed. */
  private static CustomModel carModel() {
    return GHUtility.loadCustomModelFromJar("car.json");
  }

  /**
   * GraphHopper's foot model without its hiking and country rules (which need elevation and
   * country data a city does not use): foot access, foot priority, walking speed.
   */
  private static CustomModel footModel() {
    return new CustomModel()
        .addToPriority(Statement.If("!foot_access", Statement.Op.MULTIPLY, "0"))
        .addToPriority(Statement.Else(Statement.Op.MULTIPLY, "foot_priority"))
        .addToPriority(Statement.If("foot_road_access == PRIVATE", Statement.Op.MULTIPLY, "0.1"))
        .addToSpeed(Statement.If("true", Statement.Op.LIMIT, "foot_average_speed"));
  }

  /**
   * A finer location index than GraphHopper's 300 m cells: a snap looks at far fewer edges (on the
   * Loop 48 points snap in about 1 ms instead of 10, the bulk of a matrix). A graph imported with
   * another resolution keeps it. The search reaches {@link StreetRouter#MAX_SNAP_METRES} either way.
   */
  @Override
  protected LocationIndex createLocationIndex(Directory dir) {
    LocationIndexTree index = new LocationIndexTree(getBaseGraph(), dir);
    index.setResolution(INDEX_METRES);
    if (!index.loadExisting()) {
      index.prepareIndex();
    }
    // Rings of cells searched around a point: twice what MAX_SNAP_METRES needs, since cells can
    // be smaller than the resolution; only points far from every street search them all.
    index.setMaxRegionSearch(Math.max(4,
        2 * (int) Math.ceil(StreetRouter.MAX_SNAP_METRES / index.getMinResolutionInMeter()) + 1));
    return index;
  }

  @Override
  protected void cleanUp() {
    network = MainNetwork.mark(getBaseGraph(), weightings(), subnetworkFlags());
  }

  /** What the import's clean-up kept and dropped; null on a graph that was loaded, not built. */
  MainNetwork.Result network() {
    return network;
  }

  Map<TravelMode, Weighting> weightings() {
    Map<TravelMode, Weighting> out = new EnumMap<>(TravelMode.class);
    for (TravelMode mode : TravelMode.values()) {
      out.put(mode, createWeighting(getProfile(mode.id()), new PMap()));
    }
    return out;
  }

  Map<TravelMode, BooleanEncodedValue> subnetworkFlags() {
    Map<TravelMode, BooleanEncodedValue> out = new EnumMap<>(TravelMode.class);
    for (TravelMode mode : TravelMode.values()) {
      out.put(mode, getEncodingManager().getBooleanEncodedValue(Subnetwork.key(mode.id())));
    }
    return out;
  }
}
