import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPostcodeInfo } from '../../../../contracts/reference';
import { GermanyMap, type TMapMarker } from '../../../ui/map/germany-map';
import type { TDirectoryHit } from './office-card';

/** Props of {@link FinderMap}. */
export interface FinderMapProps {
  /** Offices in list order (their marker shows their number in the list). */
  offices: readonly TDirectoryHit[];
  /** The searched postcode (its centre is marked, its Kreis tinted). */
  postcode: TPostcodeInfo | null;
  /** The Land searched for or of the postcode (tinted). */
  landCode: string | null;
}

/**
 * The finder's map: Germany, the Land (and Kreis) searched, the postcode and the offices numbered as
 * in the list. Its text alternative names all of that, so the list and the description carry the same
 * information as the picture.
 */
export function FinderMap({ offices, postcode, landCode }: FinderMapProps) {
  const { t } = useTranslation();
  const markers = useMemo<TMapMarker[]>(
    () =>
      offices.flatMap((office, i) =>
        office.lat !== null && office.lon !== null
          ? [{ id: office.id, lat: office.lat, lon: office.lon, label: String(i + 1) }]
          : [],
      ),
    [offices],
  );
  const origin = useMemo(() => (postcode ? { lat: postcode.lat, lon: postcode.lon } : null), [postcode]);

  const parts = [t('finder.map.base')];
  if (landCode) parts.push(t('finder.map.land', { land: t(`lands.${landCode}`) }));
  if (postcode) {
    parts.push(
      t('finder.map.origin', {
        postcode: postcode.postcode,
        place: postcode.places.find((p) => !p.organisation)?.name ?? postcode.kreisName,
      }),
    );
  }
  if (markers.length > 0) {
    const list = offices
      .map((office, i) =>
        office.lat !== null && office.lon !== null
          ? office.location
            ? t('finder.map.officeAt', { number: i + 1, name: office.name, place: office.location })
            : t('finder.map.office', { number: i + 1, name: office.name })
          : null,
      )
      .filter((entry): entry is string => entry !== null)
      .join('; ');
    parts.push(t('finder.map.offices', { list }));
  }
  const missing = offices.length - markers.length;
  if (missing > 0) parts.push(t('finder.map.notShown', { count: missing }));

  return (
    <GermanyMap
      description={`${parts.join('. ')}.`}
      markers={markers}
      origin={origin}
      highlightLand={landCode}
      highlightKreis={postcode?.kreisAgs ?? null}
      markerLegend={t('finder.map.markerLegend')}
      originLegend={t('finder.map.originLegend')}
    />
  );
}
