#!/usr/bin/env bash
# Rebuilds the real demo excerpt data/demo/chicago-loop/ from the shared Chicago data, so that it
# can be audited and remade. Rerunnable: it overwrites the excerpt's data files (not its README).
#
#   data/make-demo-excerpt.sh [CHICAGO_DATA_DIR]     default: ../shared/data/chicago
#
# Needs osmium-tool and gdal-bin (Debian: apt-get install osmium-tool gdal-bin; GDAL with
# SpatiaLite for ST_Buffer/ST_Intersects, as Debian's is). What it does, step by step:
#   1. area.geojson: the Loop's boundary (OSM relation 9833255, "Loop", admin_level 10, the area
#      the source extract was fetched for), buffered by 0.0005° (about 40-55 m) so that the
#      streets on its edge (Roosevelt Road, Lake Shore Drive, Wacker Drive) are inside.
#   2. loop.osm.pbf: osmium extract --strategy complete_ways with that polygon (every way with a
#      node in the area, with all its nodes), minus the relations that are not complete in the
#      clip (bus routes, boundaries, waterways reaching far beyond the streets), so no stray
#      fragments and no dangling references remain.
#   3. incidents_2016_2017.csv: the rows of chicago_crimes_2016/2017 whose Latitude/Longitude lie
#      in the area, byte for byte in the portal's format (same header, same order; rows without
#      coordinates cannot be placed and are left out).
#   4. police_beats.geojson: the police beats (whole polygons, source properties) that intersect
#      the area.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
SRC=${1:-$REPO/../shared/data/chicago}
OUT=$HERE/demo/chicago-loop
LOOP_RELATION=r9833255
BUFFER_DEGREES=0.0005
MAX_BYTES=$((6 * 1000 * 1000))

say() { printf 'make-demo-excerpt: %s\n' "$*" >&2; }
for tool in osmium ogr2ogr ogrinfo awk sha256sum; do
  command -v "$tool" >/dev/null || { say "needs $tool (apt-get install osmium-tool gdal-bin)"; exit 1; }
done
for f in osm/chicago_loop.osm.pbf boundaries/police_beats.geojson \
    incidents/chicago_crimes_2016.csv.gz incidents/chicago_crimes_2017.csv.gz; do
  [ -f "$SRC/$f" ] || { say "missing $SRC/$f"; exit 1; }
done
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

say "1/4 the Loop's boundary, buffered by $BUFFER_DEGREES°"
osmium getid --no-progress -r "$SRC/osm/chicago_loop.osm.pbf" "$LOOP_RELATION" -o "$TMP/loop.osm.pbf"
ogr2ogr -q -f GeoJSON "$TMP/loop.geojson" "$TMP/loop.osm.pbf" multipolygons
rm -f "$OUT/area.geojson"
ogr2ogr -f GeoJSON -lco RFC7946=YES -lco COORDINATE_PRECISION=7 -dialect SQLite \
    -sql "SELECT 'Chicago Loop (OSM relation 9833255) buffered by $BUFFER_DEGREES degrees' AS name,
                 ST_Buffer(geometry, $BUFFER_DEGREES) AS geometry FROM multipolygons" \
    "$OUT/area.geojson" "$TMP/loop.geojson"
AREA_WKT=$(ogrinfo -q -al "$OUT/area.geojson" | grep -o 'POLYGON ((.*))')
read -r WEST SOUTH EAST NORTH < <(ogrinfo -so -al "$OUT/area.geojson" \
    | sed -n 's/^Extent: (\([-0-9.]*\), \([-0-9.]*\)) - (\([-0-9.]*\), \([-0-9.]*\))$/\1 \2 \3 \4/p')

say "2/4 streets: complete ways in the area, complete relations only"
osmium extract --no-progress -O --strategy complete_ways -p "$OUT/area.geojson" \
    "$SRC/osm/chicago_loop.osm.pbf" -o "$TMP/clip.osm.pbf"
osmium cat --no-progress -f opl "$TMP/clip.osm.pbf" > "$TMP/clip.opl"
# A relation stays only if each member is in the clip (relation members: checked until stable).
awk '
  /^[nw]/ { present[$1] = 1; next }
  /^r/ {
    rels[$1] = 1
    for (i = 2; i <= NF; i++) if (substr($i, 1, 1) == "M") members[$1] = substr($i, 2)
  }
  END {
    for (r in rels) present[r] = 1
    do {
      changed = 0
      for (r in rels) {
        if (!present[r]) continue
        n = split(members[r], m, ",")
        for (i = 1; i <= n; i++) {
          split(m[i], ref, "@")
          if (ref[1] != "" && !present[ref[1]]) { present[r] = 0; changed = 1; break }
        }
      }
    } while (changed)
    for (r in rels) if (!present[r]) print r
  }' "$TMP/clip.opl" | sort > "$TMP/incomplete-relations.txt"
osmium removeid --no-progress -O -i "$TMP/incomplete-relations.txt" "$TMP/clip.osm.pbf" \
    -o "$OUT/loop.osm.pbf"
osmium check-refs --no-progress -r "$OUT/loop.osm.pbf" >/dev/null 2>&1 || {
  say "loop.osm.pbf has dangling references"; osmium check-refs -r "$OUT/loop.osm.pbf"; exit 1; }

say "3/4 incidents of 2016-2017 in the area"
: > "$TMP/ids.txt"
for year in 2016 2017; do
  ogr2ogr -f CSV "$TMP/ids-$year.csv" "/vsigzip/$SRC/incidents/chicago_crimes_$year.csv.gz" \
      -oo X_POSSIBLE_NAMES=Longitude -oo Y_POSSIBLE_NAMES=Latitude -oo AUTODETECT_TYPE=NO \
      -nlt POINT -select ID -spat "$WEST" "$SOUTH" "$EAST" "$NORTH" -clipsrc "$OUT/area.geojson"
  # (-clipsrc alone lets rows without coordinates through; -spat and the awk below drop them)
  tail -n +2 "$TMP/ids-$year.csv" | tr -d '"' | cut -d, -f1 >> "$TMP/ids.txt"
done
{
  zcat "$SRC/incidents/chicago_crimes_2016.csv.gz"
  zcat "$SRC/incidents/chicago_crimes_2017.csv.gz" | tail -n +2
} | awk -F, 'NR == FNR { keep[$1] = 1; next } FNR == 1 || ($1 in keep && $NF != "")' "$TMP/ids.txt" - \
  > "$OUT/incidents_2016_2017.csv"

say "4/4 police beats that intersect the area"
rm -f "$OUT/police_beats.geojson"
ogr2ogr -f GeoJSON -dialect SQLite \
    -sql "SELECT * FROM police_beats WHERE ST_Intersects(geometry, ST_GeomFromText('$AREA_WKT', 4326))" \
    "$OUT/police_beats.geojson" "$SRC/boundaries/police_beats.geojson"

# Checks and the numbers for the README.
rows=$(($(wc -l < "$OUT/incidents_2016_2017.csv") - 1))
beat_codes=$(ogrinfo -q -al "$OUT/police_beats.geojson" | sed -n 's/^ *BEAT_NUM (String) = //p' | sort -u)
missing_beats=$(tail -n +2 "$OUT/incidents_2016_2017.csv" | awk -F, '{ print $(NF-9) }' | sort -u \
    | grep -vxF -f <(echo "$beat_codes") || true)
if [ -n "$missing_beats" ]; then
  say "note: incidents whose Beat column names a beat outside the file: $(echo $missing_beats)"
fi
total=0
for f in area.geojson loop.osm.pbf incidents_2016_2017.csv police_beats.geojson; do
  total=$((total + $(stat -c %s "$OUT/$f")))
done
[ "$total" -le "$MAX_BYTES" ] || { say "the excerpt is $total bytes, over $MAX_BYTES"; exit 1; }
osmium fileinfo -e "$OUT/loop.osm.pbf" | sed -n 's/^ *Number of \(nodes\|ways\|relations\): /\1 /p' \
    | tr '\n' ' ' | sed 's/^/streets file: /;s/$/\n/' >&2
say "incidents: $rows rows; beats: $(echo "$beat_codes" | wc -l) ($(echo $beat_codes))"
say "highway ways: $(osmium tags-filter --no-progress -R "$OUT/loop.osm.pbf" w/highway -f opl -o - | grep -c '^w')"
say "total size: $total bytes"
(cd "$OUT" && sha256sum area.geojson loop.osm.pbf incidents_2016_2017.csv police_beats.geojson \
    | sed 's/^/  /' >&2)
