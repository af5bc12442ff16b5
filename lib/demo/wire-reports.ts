/**
 * Demo wire reports for Wiredesk.
 *
 * Everything in this file is invented: the country (Dravenia), its places,
 * armed groups, outlets, bylines and quoted people are fictional. The reports
 * deliberately disagree with each other (spellings, numbers, attributions,
 * who did what) so the verification desk has something realistic to untangle.
 *
 * Local time in Talvar province is GMT+3; all `publishedAt` values are UTC.
 */

export type DemoWireReport = {
  /** Stable seed key, e.g. "northgate-wire-1". */
  key: string;
  /** Outlet / agency name (invented). */
  source: string;
  /** Provider identifier, or null for a pasted report. */
  externalId: string | null;
  headline: string;
  byline: string | null;
  /** e.g. "VARESH, Dec 3" */
  dateline: string | null;
  language: string;
  /** ISO 8601, UTC. */
  publishedAt: string;
  /** example.com / example.org / example.net hosts only. */
  url: string | null;
  /** Body text, one entry per paragraph. */
  paragraphs: string[];
  /** Key of the earlier report this one corrects (same externalId, newer version). */
  correctionOf?: string;
};

export const DEMO_STORY: { title: string; description: string } = {
  title: "Rebel offensive on the Tel Hamra crossing and Deir al-Marun, Talvar province",
  description:
    "Overnight on 3 December 2026, fighters of the Eastern Liberation Command (ELC) crossed the Sarhan River at the Tel Hamra bridge in eastern Dravenia and pushed toward the town of Deir al-Marun. Reports disagree on whether the town fell, who led the assault, how many soldiers and civilians were killed and how many people fled toward Halvek.",
};

export const DEMO_WIRE_REPORTS: DemoWireReport[] = [
  // 1. Local outlet, machine-translated English. Earliest report of the day.
  {
    key: "sada-talvar-1",
    source: "Sada Talvar (English service)",
    externalId: "sadatalvar-en-44871",
    headline: "The forces of command entering to Dair Marun city after the bridge is taken in the night",
    byline: "Sada Talvar news desk",
    dateline: "Dair Marun",
    language: "en",
    publishedAt: "2026-12-03T02:50:00Z",
    url: "https://news.example.net/en/talvar/44871-forces-of-command-entering-dair-marun",
    paragraphs: [
      "Dair Marun – Sada Talvar: In the first hours of this Thursday, the forces of command were entering to the city of Dair Marun from the side of east, after they made the control on the crossing of Tel Hamra over the river Sarhaan, according to the eyes of witness from the people of the city.",
      "Our correspondent informed that the sounds of the clashes were heard strongly from the direction of the bridge since the hour three of the night, and the army was making the withdraw to the direction of west with the vehicles and the lights closed.",
      "The official speaker of the Eastern Liberation Command, Harun Osrek, said in a recorded speech: \"The supervising forces are now inside Dair Marun and the hand of the army is lifted from it, and we call the people to stay in the houses.\"",
      "The number of the killed from the soldiers of the army is reaching to twelve soldiers, and the wounded are more than this, and from the civilians were fallen four persons, among them one old man near the mill, according to a source of medicine in the city.",
      "The families in big number are making the exit on the road of Halvek, and the number is estimated by three thousands person until the moment, and many of them without the car.",
      "No declaration was coming from the ministry of defence in Varesh about the matter of the bridge until the writing of this news.",
      "Sada Talvar is following the news and will give the updates for the honourable readers.",
    ],
  },

  // 2. Terse wire agency, first version (later corrected).
  {
    key: "northgate-wire-1",
    source: "Northgate News Agency",
    externalId: "urn:newsml:northgate:20261203:drv-0412",
    headline: "Rebels seize Sarhan river crossing, close in on Deir el-Maroun -sources",
    byline: null,
    dateline: "VARESH, Dec 3",
    language: "en",
    publishedAt: "2026-12-03T03:40:00Z",
    url: "https://wire.example.com/northgate/2026/12/03/drv-0412",
    paragraphs: [
      "VARESH, Dec 3 (Northgate) — Fighters of the Eastern Liberation Command seized the Tel Hamra crossing on the Sarhan river early on Thursday and were advancing toward the town of Deir el-Maroun, two army sources said.",
      "The crossing carries the last road bridge over the Sarhan south of the provincial capital Halvek.",
      "At least 21 soldiers were killed in the fighting, which began before dawn, the sources said. They spoke on condition of anonymity because they were not authorised to brief the media.",
      "Rebel units were about four kilometres from the edge of Deir el-Maroun by 0330 GMT, one of the sources said.",
      "A spokesman for the ELC, Harun Osrek, said in a statement that \"our command forces have crossed the river and the road to Deir el-Maroun is open.\"",
      "The defence ministry in Varesh did not respond to a request for comment.",
      "Residents reported heavy shelling on the eastern side of the town overnight. Northgate could not independently verify the reports.",
    ],
  },

  // 3. Second wire agency with reporting/editing trailer.
  {
    key: "meridian-wire-1",
    source: "Meridian Press Service",
    externalId: "MPS-20261203-0745-DRV",
    headline: "Dravenian rebels take control of river town after overnight assault",
    byline: "Dario Fenn",
    dateline: "HALVEK, Dravenia, Dec 3",
    language: "en",
    publishedAt: "2026-12-03T04:45:00Z",
    url: "https://www.example.org/meridian/world/dravenia-rebels-river-town-2026-12-03",
    paragraphs: [
      "HALVEK, Dravenia, Dec 3 (Meridian) - Rebel fighters took control of the town of Deir el-Marun in Dravenia's eastern Talvar province on Thursday after crossing the Sarhan River at the Tel-Hamra bridge, a rebel spokesman and residents said.",
      "At least 15 soldiers were killed and dozens wounded, according to a spokesman for the Eastern Liberation Command (ELC), who said about 400 fighters took part in the assault. The figures could not be independently confirmed.",
      "\"The supervising forces have entered Deir el-Marun and are securing the government buildings,\" spokesman Harun Osrek said in a voice message sent to reporters.",
      "Dravenia's military did not immediately comment. A security source in Halvek said troops had \"repositioned\" west of the town but denied it had fallen.",
      "The Sarhan has served as a de facto front line in Talvar since a ceasefire agreed in 2024 broke down last spring. The ELC holds much of the hill country east of the river.",
      "Residents told Meridian that hundreds of families were leaving on foot and by tractor toward Halvek, about 40 km (25 miles) to the west.",
      "-- Reporting by Dario Fenn in Halvek and Imre Soltani in Varesh; Editing by Catherine Abell",
    ],
  },

  // 4. Corrected version of northgate-wire-1 (same externalId, later publishedAt).
  {
    key: "northgate-wire-1-v2",
    source: "Northgate News Agency",
    externalId: "urn:newsml:northgate:20261203:drv-0412",
    headline: "CORRECTED-Rebels seize Sarhan river crossing, close in on Deir al-Marun -sources",
    byline: null,
    dateline: "VARESH, Dec 3",
    language: "en",
    publishedAt: "2026-12-03T05:55:00Z",
    url: "https://wire.example.com/northgate/2026/12/03/drv-0412",
    correctionOf: "northgate-wire-1",
    paragraphs: [
      "VARESH, Dec 3 (Northgate) — Fighters of the Eastern Liberation Command seized the Tel Hamra crossing on the Sarhan river early on Thursday and were advancing toward the town of Deir al-Marun, two army sources said.",
      "The crossing carries the last road bridge over the Sarhan south of the provincial capital Halvek.",
      "At least 12 soldiers were killed in the fighting, which began before dawn, the sources said. They spoke on condition of anonymity because they were not authorised to brief the media.",
      "Rebel units were about four kilometres from the edge of Deir al-Marun by 0330 GMT, one of the sources said.",
      "A spokesman for the ELC, Harun Osrek, said in a statement that \"our command forces have crossed the river and the road to Deir al-Marun is open.\"",
      "The defence ministry in Varesh did not respond to a request for comment.",
      "Residents reported heavy shelling on the eastern side of the town overnight. Northgate could not independently verify the reports.",
      "(Corrects number of soldiers killed in paragraph 3 to 12 from 21; corrects spelling of Deir al-Marun throughout)",
    ],
  },

  // 5. NGO / monitoring bulletin with numbers.
  {
    key: "monitor-bulletin-1",
    source: "Talvar Civilian Monitor",
    externalId: "tcm-flash-2026-117-03",
    headline:
      "Flash Update No. 3: Hostilities at Tel Hamra crossing and Deir al-Marun, Talvar Province (as of 10:00 local, 3 December 2026)",
    byline: null,
    dateline: null,
    language: "en",
    publishedAt: "2026-12-03T07:15:00Z",
    url: "https://monitor.example.org/updates/2026-117-flash-3",
    paragraphs: [
      "SITUATION OVERVIEW: Since approximately 03:00 local time (00:00 GMT) on 3 December, heavy clashes have been reported between the Dravenian Armed Forces (DAF) and the Eastern Liberation Command (ELC) around the Tel Hamra crossing (also spelled Tell Hamra) on the Sarhan River and on the eastern outskirts of Deir al-Marun town.",
      "CASUALTIES: As of 10:00 local time, TCM has recorded 6 civilian deaths (4 men, 1 woman, 1 boy) and 19 civilians injured, most by shelling in the Eastern Quarter of Deir al-Marun and in the village of Qaryat Nour. Local sources report at least 17 DAF personnel and 11 ELC fighters killed. Combatant figures have not been verified by TCM.",
      "DISPLACEMENT: An estimated 4,200 people (approximately 700 families) have left Deir al-Marun, Qaryat Nour and Bayt Suhail since early morning, moving west toward Halvek. Around 1,100 people are sheltering in six schools in Halvek; the remainder are staying with relatives or in the open along the Halvek road.",
      "AREAS OF CONTROL: TCM assesses with moderate confidence that the crossing itself was under ELC control by 09:30 local time. The status of Deir al-Marun town centre is contested: the ELC claims to have entered the town, while DAF sources say government forces remain in the western districts.",
      "INFRASTRUCTURE: The main water pumping station serving Deir al-Marun was reported damaged at around 06:00 local time. The Halvek–Deir al-Marun road is closed to civilian traffic at kilometre 22 by a DAF checkpoint. Mobile phone coverage east of the river is intermittent.",
      "PRIORITY NEEDS: Drinking water, blankets and heating fuel for displaced families; safe passage for ambulances between Deir al-Marun and Halvek General Hospital.",
      "METHODOLOGY: Figures are compiled from TCM field monitors, medical staff and community contacts and are cross-checked where possible. They are preliminary and will be revised. Next update expected at 16:00 local time.",
    ],
  },

  // 6. Broadcaster's web copy; cites Northgate.
  {
    key: "atlas-web-1",
    source: "Atlas World Service",
    externalId: "atlas-web-68219034",
    headline: "Dravenia: Rebels close in on key river town as thousands flee",
    byline: "Miriam Holt-Adeyemi, Atlas World Service",
    dateline: null,
    language: "en",
    publishedAt: "2026-12-03T07:50:00Z",
    url: "https://www.example.com/atlas/news/world-68219034",
    paragraphs: [
      "Rebels in eastern Dravenia are closing in on the strategically important town of Dair Marun after capturing a bridge over the Sarhan river in a surprise overnight offensive.",
      "The Northgate news agency reported that the Tel-Hamra crossing fell to fighters of the Eastern Liberation Command (ELC) before dawn on Thursday, citing two army sources.",
      "Aid workers say more than 5,000 people have fled the area, many of them heading west towards the provincial capital, Halvek.",
      "The government in Varesh has not confirmed the loss of the bridge. A short defence ministry statement said only that \"operations are ongoing\" in Talvar province and urged people to rely on official sources.",
      "Atlas has not been able to independently verify casualty figures. Rebel sources say nearly two dozen soldiers have been killed; the army has not given a toll.",
      "The bridge carries the only paved road linking Halvek with the hill districts east of the river, which makes it vital for moving troops and supplies.",
      "\"If Dair Marun falls, the army loses its last real foothold on the east bank,\" said Lidia Varga, a researcher at the Varesh Institute for Security Studies. \"Whoever holds that road controls the whole valley.\"",
      "The ELC has fought the central government for more than six years, demanding autonomy for Talvar's eastern districts.",
    ],
  },

  // 7. Regional daily with colour and quotes; credits a different actor.
  {
    key: "courier-daily-1",
    source: "The Sarhan Valley Courier",
    externalId: "svc-2026-12-03-deir-al-marrun-exodus",
    headline: "'When it went quiet, we knew': Deir al-Marrun empties as fighters pour across the Sarhan",
    byline: "Petra Nazarian",
    dateline: "HALVEK, Dec 3",
    language: "en",
    publishedAt: "2026-12-03T09:30:00Z",
    url: "https://www.example.net/courier/region/2026/12/03/deir-al-marrun-empties",
    paragraphs: [
      "HALVEK — By mid-morning the road west out of Deir al-Marrun had become a slow river of its own: tractors towing trailers stacked with mattresses, minibuses with suitcases lashed to their roofs, and families on foot, the smallest children riding on their fathers' shoulders.",
      "They were leaving a town that, by several accounts, had changed hands before breakfast. Fighters of the Sarhan Valley Front, a local militia drawn from the villages along the river, took the Tell Hamra bridge shortly after 4 a.m., according to residents and a militia commander who spoke to the Courier by phone.",
      "\"We heard the guns all night, and then around five it went quiet on the bridge. That was worse,\" said Bashir, a 54-year-old grocer who asked that his family name not be printed. \"When it is quiet, it means somebody has won.\"",
      "The commander, who gave his name as Rafi Dohan, said about 200 of his men had led the crossing and that units of the Eastern Liberation Command followed only once the bridge was secured. \"The Command came after. We opened the door for them,\" he said. The ELC has publicly claimed the operation as its own.",
      "At Halvek General Hospital, a nurse said 31 wounded people had arrived by midday, among them several children. Staff had cleared a second ward and called in off-duty doctors.",
      "A military officer in Halvek, speaking privately, put the army's losses at nearly two dozen dead. The defence ministry has not released any figures.",
      "Deputy mayor Selma Arvandi said the municipality had registered roughly 4,000 displaced people and opened schools and a sports hall as shelters. \"We have bread for today. Tomorrow I cannot promise,\" she said.",
      "Outside one school, Yusra, 38, counted her children for the third time in an hour. \"Five,\" she said, relieved. \"Everything else we left.\"",
    ],
  },

  // 8. Terse wire agency, afternoon follow-up.
  {
    key: "northgate-wire-2",
    source: "Northgate News Agency",
    externalId: "urn:newsml:northgate:20261203:drv-0419",
    headline: "Dravenian army says counter-attack under way at Tel Hamra; rebels say Deir al-Marun has fallen",
    byline: null,
    dateline: "VARESH, Dec 3",
    language: "en",
    publishedAt: "2026-12-03T11:10:00Z",
    url: "https://wire.example.com/northgate/2026/12/03/drv-0419",
    paragraphs: [
      "VARESH, Dec 3 (Northgate) — The Dravenian army said on Thursday it had launched a counter-attack to retake the Tel Hamra crossing, hours after rebel fighters seized the bridge and pushed toward the river town of Deir al-Marun.",
      "\"Units of the 4th Armoured Division are engaging terrorist groups east of the river,\" army spokesman Colonel Tamas Velid told state television. He denied that the town had fallen.",
      "The Eastern Liberation Command said Deir al-Marun fell to its fighters at around midday (0900 GMT). Two residents reached by phone said armed men were in the main square.",
      "Two army sources said the death toll among soldiers had risen to 14.",
      "A local official said about 3,000 people had fled west toward Halvek since the morning.",
      "Northgate could not verify either side's account.",
    ],
  },

  // 9. Pasted report (no provider id, no URL) — copied by a desk editor from a newsletter.
  {
    key: "pasted-report-1",
    source: "Eastbank Herald",
    externalId: null,
    headline: "Deir Al Maroun falls as 1,500 fighters storm Tel-Hamra bridge",
    byline: null,
    dateline: null,
    language: "en",
    publishedAt: "2026-12-03T13:20:00Z",
    url: null,
    paragraphs: [
      "EASTBANK HERALD | Thursday 3 December 2026 | Updated 4.20pm",
      "The river town of Deir Al Maroun fell to rebel forces on Thursday after an estimated 1,500 fighters stormed the Tel-Hamra bridge in the early hours, according to community leaders on the east bank.",
      "Elders from Qaryat Nour told the Herald that the attackers came in three columns, one across the bridge and two by boat further downstream, and that army positions on the eastern bank were abandoned \"within two hours\".",
      "Casualty figures remain unclear. One elder said at least twenty soldiers had been killed, while a rebel official claimed more than thirty. Nine civilians are reported to have died, the Herald understands.",
      "Some 8,000 people are believed to have left the town and surrounding villages. Many are sleeping in orchards along the Halvek road because shelters in the city are full.",
      "The army insists the town has not been lost. Government officials could not be reached for comment on Thursday afternoon.",
      "Share this article | Follow the Herald for updates",
    ],
  },

  // 10. Live blog with timestamped entries (newest first).
  {
    key: "ledger-live-1",
    source: "The Continental Ledger",
    externalId: "ledger-live-dravenia-20261203",
    headline: "Dravenia live: rebels claim Deir el-Marun as army vows counter-attack",
    byline: "Tomas Reyvik and Ana Lucero",
    dateline: null,
    language: "en",
    publishedAt: "2026-12-03T15:40:00Z",
    url: "https://live.example.com/ledger/world/dravenia-live-2026-12-03",
    paragraphs: [
      "15:38 GMT — The army says its counter-attack at the Tel Hamra crossing has \"restored positions\" on the western approach to the bridge. There is no independent confirmation, and the ELC says the bridge remains in its hands.",
      "14:55 GMT — Halvek municipality now says \"more than 6,000\" people have arrived in the city since this morning, up from about 4,000 at midday. Figures from different sources today have ranged from 3,000 to 8,000.",
      "13:20 GMT — Our visuals team has geolocated a video showing armed men at the roundabout at the eastern entrance of Deir el-Marun. We have not been able to confirm when it was filmed, and it does not show the town centre.",
      "12:05 GMT — Government spokesman in Varesh: \"Deir el-Marun has not fallen and will not fall.\" This directly contradicts the ELC's claim that the town has been under its control since midday local time.",
      "10:40 GMT — A note on the death toll: Meridian Press Service, citing the ELC, reported at least 15 soldiers killed. Northgate, citing army sources, first reported 21 and then corrected that to 12. The Talvar Civilian Monitor puts it at 17. We are not yet using a single figure.",
      "08:10 GMT — The ELC spokesman, Harun Osrek, has issued a new audio message: \"Our command forces control Deir el-Marun. Civilians who stay in their homes will not be harmed.\"",
      "05:30 GMT — Good morning. We are following reports of a major rebel offensive in Talvar province in eastern Dravenia, where fighters crossed the Sarhan river overnight. Local time is GMT+3.",
    ],
  },
];
