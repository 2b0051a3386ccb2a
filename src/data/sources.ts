/**
 * The sources behind the built-in record, one constant each, as `title — URL` strings.
 * Every figure in `src/data/` cites one of these (see docs/data.md for the table).
 */
import { deepFreeze } from './deep-freeze.js';
export const SOURCES = /* @__PURE__ */ deepFreeze({
  ministry2026:
    'Astana Times, "Trans-Caspian transport route cargo volumes increase fivefold in seven years" (10 Mar 2026) — https://astanatimes.com/2026/03/trans-caspian-transport-route-cargo-volumes-increase-fivefold-in-seven-years/',
  reportAz2026:
    'Report.az, "Container traffic on Trans-Caucasian int\'l transport route to grow to 300,000 TEU by 2029" (10 Mar 2026) — https://report.az/en/infrastructure/container-traffic-on-trans-caucasian-int-l-transport-route-to-grow-to-300-000-teu-by-2029',
  titrAnkara:
    'TITR Association, "The growing importance of the Trans-Caspian International Transport Route was discussed in Turkey" — https://middlecorridor.com/en/pressa/news/166-the-growing-importance-of-the-trans-caspian-international-transport-route-was-discussed-in-turkey',
  trend2022Containers:
    'TITR Secretary-General via Trend, "Over 30,000 containers transshipped through Middle Corridor in 2022" — https://tajikistannewsgazette.com/over-30000-containers-transshipped-through-middle-corridor-in-2022/',
  astanaTimes2025:
    'Astana Times, "Trans-Caspian International Transport Route plans 2.5 million tons of cargo for 2025" (6 Mar 2025) — https://astanatimes.com/2025/03/trans-caspian-international-transport-route-plans-2-5-million-tons-of-cargo-for-2025/',
  reportAzOct2025:
    'Report.az, "Cargo shipment via Azerbaijan\'s railways along Middle Corridor up 6%" (20 Oct 2025) — https://report.az/en/infrastructure/cargo-shipment-via-azerbaijan-s-railways-along-middle-corridor-up-6',
  trendRoadmap2022:
    'Trend, Kazakhstan–Azerbaijan–Georgia roadmap for the Middle Corridor (2022) — https://en.trend.az/casia/kazakhstan/3673615.html',
  vassilenko2025:
    'H.E. Roman Vassilenko, "Astana and Brussels: From Dialogue to Delivery", Diplomatic World no. 78 (Oct 2025) — no URL published',
  astanaTimesAug2024:
    'Astana Times, "Kazakhstan sees twofold increase in sea and coastal cargo transportation" (Aug 2024) — https://astanatimes.com/2024/08/kazakhstan-sees-twofold-increase-in-sea-and-coastal-cargo-transportation/',
  worldBank2023:
    'World Bank (2023), Middle Trade and Transport Corridor — http://hdl.handle.net/10986/40626',
  euIntpa2024:
    'EU DG INTPA, "Global Gateway: EU and Central Asian countries agree building blocks to develop trans-Caspian transport" (30 Jan 2024) — https://international-partnerships.ec.europa.eu/news-and-events/news/global-gateway-eu-and-central-asian-countries-agree-building-blocks-develop-trans-caspian-transport-2024-01-30_en',
  kazinform2022:
    'Kazinform, "Aktau meeting debates development of transport routes via Caspian Sea" (25 Nov 2022) — https://en.inform.kz/news/aktau-meeting-debates-development-of-transport-routes-via-caspian-sea_a4006217/',
  trendDec2024: 'Trend (17 Dec 2024) — https://en.trend.az/business/3982954.html',
  siaAz: 'SIA.az, Caspian container shipping capacity — https://sia.az/en/news/economy/1235452.html',
  reportAzNov2025:
    'Report.az, "Kazakhstan purchasing 6 new container ships to increase cargo traffic along Middle Corridor" (26 Nov 2025) — https://report.az/en/infrastructure/kazakhstan-purchasing-6-new-container-ships-to-increase-cargo-traffic-along-middle-corridor',
  astanaTimesSep2024:
    'Astana Times, "Kazakh PM assesses logistic potential of Aktau, Kuryk seaports" (26 Sep 2024) — https://astanatimes.com/2024/09/kazakh-pm-assesses-logistic-potential-of-aktau-kuryk-seaports/',
  portnewsBaku: 'PortNews, Port of Baku capacity — https://portnews.ru/news/346384',
  trendBakuPhase2: 'Trend, Port of Baku phase 2 — https://www.trend.az/business/4131566.html',
  trendBtk2024: 'Trend (6 May 2024), Baku–Tbilisi–Kars railway capacity — https://en.trend.az/business/transport/3895822.html',
  vestnikKavkaza2025: 'Vestnik Kavkaza (Feb 2025), Georgian Railway capacity — https://en.vestikavkaza.ru/material/173498',
  qazinformDostyk:
    'Qazinform, "Dostyk–Moyinty railway launch: what it means for Kazakhstan" — https://qazinform.com/news/dostyk-moyinty-railway-launch-what-it-means-for-kazakhstan-822243',
  menafnBlockTrains:
    'MENAFN, "300 container block trains planned from China via Trans-Caspian route" — https://menafn.com/1108695908/300-Container-Block-Trains-Planned-From-China-Via-Trans-Caspian-Route',
  trendOct2025: 'Trend (22 Oct 2025), China–Georgia transit time — https://www.trend.az/business/4107458.html',
  trendMay2024: 'Trend (31 May 2024), schedules from Altynkol — https://en.trend.az/casia/kazakhstan/3906462.html',
  menafnXianBaku:
    'MENAFN, "First container train from China arrives to Azerbaijan via Middle Corridor in 2024" — https://menafn.com/1107722132/First-Container-Train-From-China-Arrives-To-Azerbaijan-Via-Middle-Corridor-In-2024',
  navis2025:
    'Navis Group, "Middle Corridor vs classic routes from China" (27 Aug 2025) — https://navisgroup.com.ua/en/2025/08/27/middle-corridor-vs-classic-routes-from-china-when-is-it-actually-faster-and-for-which-cargo/',
  index1520Jun2024:
    'Index1520, rail freight market overview (June 2024, DHL) — https://index1520.com/en/analytics/obzor-rynka-zheleznodorozhnykh-perevozok-iyun-2024/',
  newsCentralAsia2023:
    'News Central Asia (4 Mar 2023), delivery time China–Black Sea ports halved — https://newscentralasia.net/2023/03/04/delivery-time-of-goods-from-china-to-the-black-sea-ports-via-the-caspian-sea-has-been-halved',
  srCenter:
    'SR Center, "Modernization of the Middle Corridor: Kazakhstan and Azerbaijan on the way to new records" — https://sr-center.info/en/news/-modernization-of-the-middle-corridor-kazakhstan-and-azerbaijan-on-the-way-to-new-records',
  trendJun2025: 'Trend (3 Jun 2025), Port of Baku vessel handling — https://en.trend.az/business/4052708.html',
  agendaGe2014: 'Agenda.ge (2014), Baku–Poti rail 34 h — https://agenda.ge/en/news/2014/1741',
  titrFeeder:
    'TITR Association, regular feeder container line at the Black Sea — https://middlecorridor.com/en/press-center/news/regular-feeder-container-line-launching-at-the-black-sea-along-trans-caspian-international-transport-route-middle-corridor',
  index1520Mar2024:
    'Index1520, rail freight market overview (March 2024, DHL) — https://index1520.com/en/analytics/obzor-rynka-zheleznodorozhnykh-perevozok-mart-2024/',
  portEconomics:
    'Port Economics, Management and Policy, "Routing options Shanghai–Rotterdam" — https://porteconomicsmanagement.org/pemp/contents/part1/interoceanic-passages/routing-options-shanghai-rotterdam',
} as const);

/** Key of a source in {@link SOURCES}. */
export type SourceKey = keyof typeof SOURCES;
