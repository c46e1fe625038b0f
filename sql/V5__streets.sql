-- Streets from an OSM import (issue 7): the basemap's lines and a record of each import.
-- One street network serves every agency of an installation, so these tables carry no `agency`
-- (under Citus they would be reference tables, copied to every node).

-- One row per successful `hotbeat import streets`. The newest row is the import in service: its
-- graph is the subdirectory `graph_name` of the configured graph directory. Street rows and this
-- row are written in one transaction, which is what makes a re-import atomic.
CREATE TABLE street_import (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_file     text        NOT NULL,
    source_bytes    bigint      NOT NULL,
    graph_name      text        NOT NULL,
    graph_nodes     integer     NOT NULL,
    graph_edges     integer     NOT NULL,
    street_edges    integer     NOT NULL,    -- drawn on the basemap
    fragments       integer     NOT NULL,    -- stray pieces left out
    fragment_edges  integer     NOT NULL,
    fragment_metres double precision NOT NULL,
    closed_edges    integer     NOT NULL,    -- edges no mode may use
    west            double precision,        -- extent of the street network (EPSG:4326)
    south           double precision,
    east            double precision,
    north           double precision,
    started_at      timestamptz NOT NULL,
    imported_at     timestamptz NOT NULL DEFAULT clock_timestamp()  -- when it was committed
);

-- One row per edge of the street network (a street between two junctions), as the basemap
-- draws it. Geometry in EPSG:4326 like every table, with its GiST index: tiles transform the tile
-- envelope, not the column, to find their rows. They draw from `geom_3857`, a stored Web Mercator
-- copy: on the busiest Chicago Loop tile that takes the query from 9 ms to 3 ms for 22 % more
-- table (docs/streets.md). It has no index of its own and cannot drift from `geom`.
CREATE TABLE street (
    edge_id     integer PRIMARY KEY,          -- the edge's id in the graph in service
    road_class  text     NOT NULL,            -- OSM highway class: primary, residential, footway…
    link        boolean  NOT NULL DEFAULT false,  -- slip road or ramp (*_link)
    name        text,
    oneway      boolean  NOT NULL DEFAULT false,  -- cars only along the geometry's direction
    car         boolean  NOT NULL,            -- in the car routing network
    foot        boolean  NOT NULL,            -- in the foot routing network
    environment text     NOT NULL DEFAULT 'road', -- road, bridge, tunnel, ferry, ford
    metres      real     NOT NULL,
    min_zoom    smallint NOT NULL,            -- lowest tile zoom that draws it
    geom        geometry(LineString, 4326) NOT NULL,
    geom_3857   geometry(LineString, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED
);

CREATE INDEX street_geom_idx ON street USING gist (geom);
