import { deepFreeze } from '../data/deep-freeze.js';
import { SOURCES } from '../data/sources.js';
import type { LegInput, RouteInput } from '../scenario/types.js';

/**
 * Built-in routes from Xi'an to Antwerp-Bruges (days). Leg priors are the triangular
 * min/mode/max of docs/data.md ("Suggested leg priors": estimates built on the
 * sourced rows); each leg names its source, or says it is an estimate.
 */

const EST = 'estimate';

/** The legs both corridor routes share, with the same names (so they draw the same numbers). */
const CORRIDOR_EAST: LegInput[] = [
  {
    name: "Xi'an → Altynkol/Khorgos",
    mode: 'rail',
    days: { dist: 'triangular', min: 2, mode: 2, max: 4 },
    source: `${EST}, incl. the gauge change at Khorgos; on Xi'an → Baku in 11 days best case (${SOURCES.menafnXianBaku})`,
  },
  {
    name: 'Altynkol → Aktau/Kuryk',
    mode: 'rail',
    days: { dist: 'triangular', min: 5, mode: 6, max: 12 },
    source: `${EST}; schedules from Altynkol: 9 days to Baku, 12 to Poti/Batumi (${SOURCES.trendMay2024})`,
  },
  {
    name: 'Caspian crossing Aktau → Alat',
    mode: 'ferry',
    days: { dist: 'triangular', min: 1.5, mode: 3, max: 14 },
    delay: { probability: 0.1, days: { dist: 'uniform', min: 2, max: 7 } },
    queue: { capacityMt: 6, servers: 6, serviceDays: 2, arrivalCv: 1.5, serviceCv: 0.5 },
    source:
      `port wait, crossing and Alat handling: ${EST} on 18–24 h crossings, max ~30 h (${SOURCES.srCenter}) and 20.1 h average handling at Baku (${SOURCES.trendJun2025}); ` +
      `storm closures of 2–7 days, several a year, mostly Oct–Apr (AzerNews 2025, Sea-News 2022), struck on 10 % of trips (${EST}); ` +
      `queue: the route's ~6 Mt/yr capacity (${SOURCES.trendDec2024}), 6 container feeders (${SOURCES.siaAz}), a 2-day round trip, bunched arrivals (cv 1.5) and weather-driven service (cv 0.5) (${EST}, calibrated to the 50–55 days seen when congested, ${SOURCES.index1520Jun2024})`,
  },
];

const CORRIDOR_POTI: RouteInput = {
  name: 'corridor-poti',
  source: "Middle Corridor: Xi'an → Altynkol → Aktau → Caspian → Alat → Poti/Batumi → Black Sea → Constanța → Antwerp-Bruges",
  legs: [
    ...CORRIDOR_EAST,
    {
      name: 'Alat → Poti/Batumi',
      mode: 'rail',
      days: { dist: 'triangular', min: 1, mode: 2, max: 5 },
      source: `${EST}; rail 24–34 h (${SOURCES.agendaGe2014}) plus dwell`,
    },
    {
      name: 'Poti/Batumi → Constanța',
      mode: 'sea',
      days: { dist: 'triangular', min: 5, mode: 9, max: 14 },
      source: `${EST}; 5 days' sailing, 3 departures a month (${SOURCES.titrFeeder})`,
    },
    {
      name: 'Constanța → Antwerp-Bruges',
      mode: 'rail',
      days: { dist: 'triangular', min: 3, mode: 4, max: 7 },
      source: `${EST}: no direct source; ~40 h Genk–Curtici intermodal`,
    },
  ],
};

const CORRIDOR_BTK: RouteInput = {
  name: 'corridor-btk',
  source: "Middle Corridor via Baku–Tbilisi–Kars and Türkiye: Xi'an → Aktau → Caspian → Alat → Kars → Istanbul → the Balkans → Antwerp-Bruges",
  legs: [
    ...CORRIDOR_EAST,
    {
      name: 'Alat → Kars (Baku–Tbilisi–Kars)',
      mode: 'rail',
      days: { dist: 'triangular', min: 2, mode: 3, max: 6 },
      source: `${EST}, incl. the gauge change at Akhalkalaki; BTK capacity 5 Mt/yr since May 2024 (${SOURCES.trendBtk2024})`,
    },
    { name: 'Kars → Istanbul (Marmaray)', mode: 'rail', days: { dist: 'triangular', min: 3, mode: 4, max: 7 }, source: EST },
    { name: 'Istanbul → Antwerp-Bruges', mode: 'rail', days: { dist: 'triangular', min: 5, mode: 7, max: 12 }, source: `${EST}, via the Balkans and Central Europe` },
  ],
};

const XIAN_SHANGHAI: LegInput = {
  name: "Xi'an → Shanghai",
  mode: 'rail',
  days: { dist: 'triangular', min: 2, mode: 3, max: 5 },
  source: `${EST}: rail pre-carriage to the port, so that every route starts in Xi'an`,
};

/** The built-in routes, keyed as in docs/design.md. */
export const ROUTES: Readonly<Record<'corridor-poti' | 'corridor-btk' | 'northern-rail' | 'suez-sea' | 'cape-sea', RouteInput>> = /* @__PURE__ */ deepFreeze(Object.freeze({
  'corridor-poti': CORRIDOR_POTI,
  'corridor-btk': CORRIDOR_BTK,
  'northern-rail': {
    name: 'northern-rail',
    source: 'China–Europe rail via Kazakhstan, Russia, Belarus and Poland (sanctions risk not modelled: volumes −35 %, OECD 2023)',
    legs: [
      {
        name: "Xi'an → Duisburg",
        mode: 'rail',
        days: { dist: 'triangular', min: 13, mode: 18, max: 32 },
        source: `13–15 days China → Poland, 18–21 to German terminals, 20–32 door to door (${SOURCES.index1520Mar2024})`,
      },
      { name: 'Duisburg → Antwerp-Bruges', mode: 'rail', days: { dist: 'triangular', min: 1, mode: 1.5, max: 3 }, source: EST },
    ],
  },
  'suez-sea': {
    name: 'suez-sea',
    source: 'Sea via Suez, Shanghai → Antwerp-Bruges',
    legs: [
      XIAN_SHANGHAI,
      {
        name: 'Shanghai → Antwerp-Bruges via Suez',
        mode: 'sea',
        days: { dist: 'triangular', min: 30, mode: 34, max: 40 },
        source: `~27 days at 16 kn without calls, ~35 typical (${SOURCES.portEconomics})`,
      },
    ],
  },
  'cape-sea': {
    name: 'cape-sea',
    source: 'Sea via the Cape of Good Hope (Red Sea closed), Shanghai → Antwerp-Bruges',
    legs: [
      XIAN_SHANGHAI,
      {
        name: 'Shanghai → Antwerp-Bruges via the Cape',
        mode: 'sea',
        days: { dist: 'triangular', min: 42, mode: 46, max: 52 },
        source: `Suez + 10–14 days (${SOURCES.portEconomics}; DHL)`,
      },
    ],
  },
} satisfies Record<string, RouteInput>));
