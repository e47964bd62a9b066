import { Anchor, Box, Group, Skeleton, Text } from '@mantine/core';
import { geoPath } from 'd3-geo';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegions } from './geo-data';
import { fitGermanyProjection, MAP_WIDTH, spreadMarkers } from './projection';

/** A numbered marker (an office), at WGS84 degrees. */
export interface TMapMarker {
  id: string;
  lat: number;
  lon: number;
  /** Short text inside the marker, e.g. its number in the list beside the map ("1"). */
  label: string;
}

/** Props of {@link GermanyMap}. */
export interface GermanyMapProps {
  /**
   * What the map shows, in words (becomes the SVG's accessible name and tooltip): the map is an image
   * (`role="img"`), so this text and the list next to it must carry everything it shows.
   */
  description: string;
  /** Numbered markers, drawn in order (the first stays on its true position when markers crowd). */
  markers?: readonly TMapMarker[];
  /** The searched place (e.g. a postcode's centre), drawn as a diamond. */
  origin?: { lat: number; lon: number } | null;
  /** Land (ARS, 2 digits) to tint. */
  highlightLand?: string | null;
  /** Kreis (ARS/AGS, 5 digits) to tint; loads the Kreise and draws those of its Land. */
  highlightKreis?: string | null;
  /** Legend text for the numbered markers (the legend lists only what is shown). */
  markerLegend?: string;
  /** Legend text for the origin diamond. */
  originLegend?: string;
}

const MARKER_RADIUS = 12;
const ORIGIN_SIZE = 11;
/** Id of the origin among the spread points (marker ids are directory UUIDs, so no clash). */
const ORIGIN_ID = '__origin__';

/** Decorative legend symbol of a numbered marker. */
function MarkerSymbol() {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <circle cx="9" cy="9" r="8" fill="var(--mantine-color-blue-9)" stroke="#fff" strokeWidth="1.5" />
    </svg>
  );
}

/** Decorative legend symbol of the origin diamond. */
function OriginSymbol() {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <rect
        x="4"
        y="4"
        width="10"
        height="10"
        transform="rotate(45 9 9)"
        fill="var(--mantine-color-red-9)"
        stroke="#fff"
        strokeWidth="1.5"
      />
    </svg>
  );
}

/**
 * "© GeoBasis-DE / BKG 2021 (Daten verändert)" linked to bkg.bund.de, the licence (Datenlizenz
 * Deutschland – Namensnennung 2.0) and the GeoNames credit for postcode positions: required next to
 * every map drawn from these data.
 */
export function MapAttribution() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" data-testid="map-attribution">
      <Anchor href="https://www.bkg.bund.de" target="_blank" rel="noopener" size="xs" lang="de">
        {t('map.attribution')}
      </Anchor>
      {' · '}
      <Anchor href="https://www.govdata.de/dl-de/by-2-0" target="_blank" rel="noopener" size="xs">
        {t('map.licence')}
      </Anchor>
      {' · '}
      <Anchor href="https://www.geonames.org" target="_blank" rel="noopener" size="xs">
        {t('map.geonames')}
      </Anchor>
    </Text>
  );
}

/**
 * An SVG map of Germany (Länder, optionally the Kreise of one Land) drawn with d3-geo from the
 * simplified BKG boundaries, with numbered markers and an origin; works offline (no tile server).
 * The map is one image with a text alternative (`description`), followed by its legend and the
 * attribution the data licence requires.
 */
export function GermanyMap({
  description,
  markers = [],
  origin = null,
  highlightLand = null,
  highlightKreis = null,
  markerLegend,
  originLegend,
}: GermanyMapProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const laender = useRegions('laender');
  const kreise = useRegions('kreise', Boolean(highlightKreis));
  const kreisLand = highlightKreis?.slice(0, 2) ?? null;

  const drawing = useMemo(() => {
    if (!laender.data) return null;
    const { projection, height } = fitGermanyProjection(laender.data);
    const path = geoPath(projection);
    const project = (lon: number, lat: number) => projection([lon, lat]) ?? [Number.NaN, Number.NaN];
    const points = [
      ...(origin ? [{ id: ORIGIN_ID, lon: origin.lon, lat: origin.lat }] : []),
      ...markers.map((m) => ({ id: m.id, lon: m.lon, lat: m.lat })),
    ]
      .map((p) => {
        const [x, y] = project(p.lon, p.lat);
        return { id: p.id, x, y };
      })
      .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    const placed = new Map(spreadMarkers(points, MARKER_RADIUS * 2 + 2).map((p) => [p.id, p]));
    const lands = laender.data.features.map((f) => ({ id: f.properties.ARS, d: path(f) ?? '' }));
    const kreisPaths =
      kreise.data && kreisLand
        ? kreise.data.features
            .filter((f) => f.properties.ARS.startsWith(kreisLand))
            .map((f) => ({ id: f.properties.ARS, d: path(f) ?? '' }))
        : [];
    return { height, lands, kreisPaths, placed };
  }, [laender.data, kreise.data, kreisLand, markers, origin]);

  const originPoint = drawing?.placed.get(ORIGIN_ID);

  return (
    <Box component="figure" m={0} className="kausa-map">
      {drawing ? (
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${drawing.height}`}
          role="img"
          aria-labelledby={titleId}
          data-testid="germany-map"
          style={{ display: 'block', width: '100%', height: 'auto', maxHeight: '75vh' }}
        >
          <title id={titleId}>{description}</title>
          <g>
            {drawing.lands.map((land) => (
              <path
                key={land.id}
                d={land.d}
                fill={
                  land.id === highlightLand ? 'var(--mantine-color-blue-1)' : 'var(--mantine-color-gray-1)'
                }
                stroke="var(--mantine-color-gray-6)"
                strokeWidth={0.8}
                strokeLinejoin="round"
              />
            ))}
          </g>
          {drawing.kreisPaths.length > 0 ? (
            <g>
              {drawing.kreisPaths.map((kreis) => (
                <path
                  key={kreis.id}
                  d={kreis.d}
                  fill={kreis.id === highlightKreis ? 'var(--mantine-color-blue-3)' : 'none'}
                  stroke="var(--mantine-color-blue-4)"
                  strokeWidth={0.5}
                  strokeLinejoin="round"
                />
              ))}
            </g>
          ) : null}
          {highlightLand ? (
            <path
              d={drawing.lands.find((land) => land.id === highlightLand)?.d ?? ''}
              fill="none"
              stroke="var(--mantine-color-blue-8)"
              strokeWidth={1.5}
              strokeLinejoin="round"
            />
          ) : null}
          {markers.map((marker) => {
            const p = drawing.placed.get(marker.id);
            if (!p) return null;
            const moved = Math.hypot(p.x - p.x0, p.y - p.y0) > 0.5;
            return (
              <g key={marker.id} data-testid="map-marker">
                {moved ? (
                  <>
                    <line
                      x1={p.x0}
                      y1={p.y0}
                      x2={p.x}
                      y2={p.y}
                      stroke="var(--mantine-color-blue-9)"
                      strokeWidth={1.2}
                    />
                    <circle cx={p.x0} cy={p.y0} r={2.5} fill="var(--mantine-color-blue-9)" />
                  </>
                ) : null}
                <circle
                  cx={p.x}
                  cy={p.y}
                  r={MARKER_RADIUS}
                  fill="var(--mantine-color-blue-9)"
                  stroke="#fff"
                  strokeWidth={2}
                />
                <text
                  x={p.x}
                  y={p.y}
                  dy="0.35em"
                  textAnchor="middle"
                  fontSize={marker.label.length > 2 ? 10 : 13}
                  fontWeight={700}
                  fill="#fff"
                >
                  {marker.label}
                </text>
              </g>
            );
          })}
          {originPoint ? (
            <rect
              data-testid="map-origin"
              x={originPoint.x - ORIGIN_SIZE / 2}
              y={originPoint.y - ORIGIN_SIZE / 2}
              width={ORIGIN_SIZE}
              height={ORIGIN_SIZE}
              transform={`rotate(45 ${originPoint.x} ${originPoint.y})`}
              fill="var(--mantine-color-red-9)"
              stroke="#fff"
              strokeWidth={2}
            />
          ) : null}
        </svg>
      ) : laender.isError ? (
        <Text size="sm" role="status">
          {t('map.unavailable')}
        </Text>
      ) : (
        <Skeleton height={420} aria-hidden="true" />
      )}
      <Box component="figcaption" mt="xs">
        {drawing && (markers.length > 0 || originPoint) ? (
          <Group gap="md" mb={4} wrap="wrap">
            {markers.length > 0 && markerLegend ? (
              <Group gap={6} wrap="nowrap">
                <MarkerSymbol />
                <Text size="sm">{markerLegend}</Text>
              </Group>
            ) : null}
            {originPoint && originLegend ? (
              <Group gap={6} wrap="nowrap">
                <OriginSymbol />
                <Text size="sm">{originLegend}</Text>
              </Group>
            ) : null}
          </Group>
        ) : null}
        <MapAttribution />
      </Box>
    </Box>
  );
}
