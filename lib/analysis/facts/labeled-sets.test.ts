import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateSet, FACTS_DEV_DIR, loadFactsDev, loadOwnSet, OWN_SETS, type LoadedSet } from "../fixtures/sets/run-sets";
import { formatMentionScore } from "../fixtures/sets/score-mentions";

/**
 * Ratchets: the figures reached on each labeled set, so a change that makes any set worse fails.
 * They are floors measured on the sets, not goals; raise them when the analysis improves. Every
 * set must also beat the word-overlap baseline's best pairwise F1 over its thresholds. The dev
 * sets (and facts-dev) are fitted and tuned on; the test splits never are.
 *
 * `app`: recall and precision of the facts as the app groups them, report by report, each
 * placed among the facts the earlier ones formed (`factsAsTheAppGroups`), which is what an
 * editor's Facts tab shows. When the app grouped whole sentences (before facts held entries),
 * it scored facts-dev 0.57 / 0.88, rail 0.82 / 0.85, flood 0.66 / 0.88, offensive 0.71 / 0.75,
 * siege 0.58 / 0.83, protest 0.61 / 0.83, port 0.94 / 0.97, ferry 0.58 / 0.82, coup 0.53 / 0.79.
 */
const RATCHETS = {
  // precision was 0.77 when a claim was a facet (a clause) and sat in one fact; a claim is now its
  // whole sentence and stands in every fact its facets join, so each labeled mention it covers is
  // judged in each of them: recall and F1 on the dev sets rose (rail 0.77 → 0.88, flood 0.59 →
  // 0.67, facts-dev 0.63 → 0.66) and precision came back to within 0.01 of where it was
  // a list item's sentence starts after its mark and a short count with its verb ("22 people are
  // missing.") is suggested: facts-dev recall 0.58 → 0.63, flood 0.59 → 0.67, ferry F1 0.60 → 0.61
  // a claim also joins every further fact it is similar to as a whole (groupClaimsOverlapping):
  // recall rose on every set (facts-dev 0.63 → 0.72, rail 0.83 → 0.86, flood 0.67 → 0.75, ferry
  // 0.63 → 0.69) and so did F1 (facts-dev 0.69 → 0.73, rail 0.88 → 0.89, flood 0.71 → 0.73, ferry
  // 0.61 → 0.65); precision fell on the dev sets (facts-dev 0.76 → 0.74, rail 0.93 → 0.92,
  // flood 0.76 → 0.71), as each wrong extra membership pairs a claim with a whole group
  // and a merge of two groups that each hold a sentence of one report needs stronger evidence
  // (SHARED_REPORT_THRESHOLD): F1 flood 0.73 → 0.77, ferry 0.65 → 0.70, facts-dev 0.73 → 0.72,
  // rail 0.89 → 0.89; rail's right-kind conflicts 5 → 4 and ferry's 8 → 7 as groups changed
  // then a further fact asked for 0.85 rather than 0.8 (mean dev F1 0.793 → 0.80): precision
  // facts-dev 0.75 → 0.78, rail 0.92 → 0.95, flood 0.79 → 0.83, ferry 0.76 → 0.77, for recall
  // facts-dev 0.69 → 0.67, flood 0.75 → 0.73, ferry 0.66 → 0.63
  // conflicts of the right kind rose with the meaning-reversed kind (a negated or denied clause
  // against its positive), credited parties found after an opening phrase or in a facet's whole
  // sentence, and shares of a named whole: facts-dev 10 → 12, rail 4 → 5, flood 8 → 10, port
  // 3 → 4, ferry 7 → 8, while flagged conflicts fell (facts-dev 62 → 41, flood 29 → 13, rail
  // 11 → 6) as attributions only conflict between speakers that can be told apart
  // precision 0.76 → 0.81 (before the steps above) when claims that can never state one fact
  // were kept apart: a part of a toll and the toll, a rise and a level, a possibility and a
  // count, a report of no harm and a figure, an item set apart ("Separately, ..."); with all of
  // this session's steps and the pair model refit (link threshold 0.75 → 0.65), F1 rail 0.88 →
  // 0.90, flood 0.71 → 0.81, facts-dev 0.69 → 0.74, port 0.97, ferry 0.61 → 0.72
  // facts-dev precision 0.79 → 0.86 (recall 0.69 → 0.71) when a claim placed in a named country
  // other than the story's main one became elsewhere, and means held ready stopped joining the
  // action done
  // facts-dev recall 0.71 → 0.74 (precision 0.86 held) when a coordinated clause's subject may run
  // to eight words, ", with" a list of things stopped being cut off as a count, counts of
  // differently named people were tied by their figure, a year a thing was built stopped dating
  // the claim, and a speaker reporting its own deed became its agent (right kind 12 → 13)
  // → 0.75 (precision 0.86 → 0.87) when a dateline with the agency between slashes
  // ("ASTANA, 17 March 2026 / Qazaq Daily / -") was trimmed off the claim;
  // on its own (before that trim) facts-dev recall 0.74 → 0.75, precision 0.86 → 0.87 (distractors pulled 3 → 4) when "fell in",
  // "nobody was inside", "taken to hospital" and "held in" stopped reading as control of a place,
  // and "the depth of the hypocentre is 12 km" became a depth
  // both together, with a two-storey school no longer counted and state bodies told apart: recall 0.76
  // → 0.75 when "She said the house next door ... had been flattened" stopped reading the house as
  // the speaker ("said the ministry" only closes a clause after a comma or a quote): an aftershock
  // count had joined the warning of more aftershocks through that chain, and a garbled warning
  // ("are possible the repeated shakes") joins it instead
  // → 0.76 when one event at one clock time ("the tremor struck at 4:17", "the quake hit at 4:17")
  // became one statement
  // → 0.76 / 0.88 when a measure put off ("suspended", "backed down on", "would be frozen") became
  // one decision and a change named as a thing ("the 40% fuel price rise is suspended") a reference
  // → 0.78 / 0.90 when a second passive predicate that gives a measure ("had a magnitude of 6.2
  // and was centred about 22 km southeast of Uzgen ... at a depth of 10 km") became a facet of its
  // own (no other development set moved)
  // precision → 0.91 when a magnitude a whole unit away from every one the other claim gives
  // became another quake ("The strongest, of magnitude 5.1, came at 9:05 a.m." left the main
  // quake's magnitude)
  // recall → 0.81 (distractors pulled 3 → 5) when a hazard parted from its verb by an apposition
  // ("The tremor, measured at 6.5 by the Institute ..., jolted Osh province at 4.17am") struck, and
  // a clause stating two kinds of things (a magnitude and a time, each hour of "from 8 p.m. to 6
  // a.m.") became a reading of each alone
  // (names alone never link: when two claims share no word and no main statement, their names
  // leave the soft word overlap) recall 0.81 → 0.80, precision 0.91 → 0.92 (F1 0.85 → 0.86), distractors 5 → 4
  // (as the app groups it, precision 0.86 → 0.88 when midnight and noon became clock times and
  // the time a statement was made stopped being the time of what it tells; recall 0.77 → 0.78
  // when damage was keyed by what gave way, not by a place opening the sentence: "In Myrza-Ake,
  // the upper floor of the village school fell in"); precision 0.876 → 0.870 when a place's
  // possessive parted it from the name after it ("Kyrgyzstan's Osh region"): the lead that gives
  // the quake's time now joins the quake's fact, and the order facts form in shifts two
  // sentences about the night's search into the fact of the missing (F1 0.826 → 0.825)
  // (as the app groups it 0.78 / 0.87 → 0.77 / 0.85 when a power cut and a road cut became
  // statements of their own: the lead "About 60,000 households ... lost electricity" now stands
  // in the power cut's fact by its second reading, and its first, a count of households alone,
  // takes in the Uzbek toll when the app places report by report; the order facts form in also
  // shifts two sentences about clay houses. The command line's figures held; offensive rose
  // 0.79 → 0.80 and siege 0.846 → 0.853)
  // → 0.83 / 0.91 (F1 0.862 → 0.868; as the app groups it 0.77 / 0.85 → 0.79 / 0.86) when a
  // building named by its use ("the second floor of the local school had collapsed") became a
  // building, a school closed stopped being damage, and a place's size stopped being a figure an
  // absence contradicts ("nobody was inside" against "a village of several thousand people")
  "facts-dev": { coverage: 0.99, recall: 0.82, precision: 0.91, rightKind: 13, app: { recall: 0.79, precision: 0.86 } },
  // → 0.87 / 0.89 when a hard-wrapped sentence stopped being cut where its line ends on "the" or a
  // possessive before a name ("on the bridge over the\nIstra"): the whole sentence is now one
  // claim, and its second clause (rescuers at work) joins that fact too, which the labels give to
  // the carriages alone (siege conflicts 9 → 10 and protest recall 0.62 → 0.63 with it)
  // → 0.91 / 0.91, right kind 6 → 7, when a partitive ("Five of the nine carriages") counted the
  // noun after its whole and the whole stopped being a count, and a train's cars, carriages and
  // wagons became one thing
  // (names alone never link: when two claims share no word and no main statement, their names
  // leave the soft word overlap) precision 0.91 → 0.94
  dev: { coverage: 1.0, recall: 0.91, precision: 0.94, rightKind: 7, app: { recall: 0.88, precision: 0.91 } },
  // flood precision 0.79 → 0.78 when coordinated clauses with their own subject and verb became
  // facets (its F1 held at 0.67 while facts-dev's rose 0.65 → 0.66), and → 0.77 when flows and
  // heights became quantities of their own (F1 held; the release-rate conflict is now found)
  // and → 0.76 with the short counted statements above (recall 0.59 → 0.67, F1 0.67 → 0.71)
  // flood recall 0.77 → 0.78 when "the fate of 25 persons is unknown" and "not accounted for" counted the missing
  // flood recall 0.78 → 0.79 (facts-dev distractors 4 → 3) when a disaster befalling a place became
  // one event key whatever the verb ("shook", "flooded", "occurred an earthquake"), a clock time
  // written "at 21 hour 40 minutes" was read as one, and "a separate earthquake" became a separate item
  // → 0.80 / 0.88 when a duration ("trapped for some 13 hours") stopped taking its measure from a verb near it
  // (names alone never link: when two claims share no word and no main statement, their names
  // leave the soft word overlap) recall 0.798 → 0.792, precision 0.885 → 0.894 (F1
  // 0.840 held): the flooding of a district told with little but its name came apart
  // → 0.81 / 0.90 (F1 0.840 → 0.855) when midnight and noon became clock times ("shortly before
  // midnight" meets "at about 11 p.m.") and the time a statement was made ("said in a televised
  // statement shortly after midnight") stopped being the time of what it tells; as the app groups
  // it, 0.78 / 0.87 → 0.77 / 0.88 (F1 0.821 → 0.823)
  // → 0.83 / 0.91 (F1 0.855 → 0.870) when a speaker named with what they are between commas
  // became the attribution ("..., Brigadier General Samir Othman, the civil defence chief,
  // said"), so the words of the name stopped tying what he said about the search to the boats
  flood: { coverage: 0.99, recall: 0.83, precision: 0.9, rightKind: 11, app: { recall: 0.77, precision: 0.87 } },
  // siege (a hostage siege, written apart from the code) scored 0.58 / 0.78 when added; → 0.67 /
  // 0.84 when hostages let go became a count of the freed, a duration stopped taking a verb's
  // measure, and how many attackers there were became the size of the force
  // → 0.69 / 0.84 when a claim of responsibility became a phrase of its own ("claimed the
  // attack", "carried out by"), a group named by its own name ("Kataib al-Rimal, a militant
  // group") became an organisation keyed by its name, and names met whatever kind each outlet's
  // wording made them
  // (distractors pulled 4 → 3 when a group that "claimed the attack" stopped reading as a source)
  // → 0.71 when a translation's "lost the life" and "the arrest of" were read
  // → 0.72, right kind 6 → 7, when "six of the attackers were killed, a spokesman told" stopped
  // reading as a count of speakers
  // → 0.75 / 0.87 when "took 140 guests and staff hostage" and "were in the hands of" were read as held
  // (precision → 0.86, conflicts flagged 9 → 10, with the hard-wrap fix noted on rail)
  // right kind 7 → 11 when the object of a verb done to people counted by that verb ("arrested
  // four suspected accomplices"), "foreign nationals" met "foreigners", "preparing to storm" became
  // pending and "are still being held" a state that "were freed" ends
  // → 0.75 / 0.88 when a count "since January" (a month with no day, not the report's own) or
  // "this year" became a running total
  // → 0.76 / 0.88, distractors pulled 3 → 1, when people taken hostage stopped taking the captors'
  // group and an event "in January" (another month than the report's, from its dateline when it
  // gives no year) became another event
  // (names alone never link: when two claims share no word and no main statement, their names
  // leave the soft word overlap) precision 0.88 → 0.89
  // → 0.78 / 0.90 (as the app groups it 0.69 / 0.82 → 0.71 / 0.83), and the conflict over who
  // claimed the attack found, when a claim of responsibility became a statement of its own
  // whichever group each outlet names ("claimed responsibility", "claimed the attack", "was
  // carried out by", "said it carried out"), and two names of one group one party
  // → 0.81 / 0.89 (F1 0.84 → 0.85; as the app groups it 0.71 → 0.74 / 0.83) when a year in a
  // phrase that says who a participant is ("Abu Zayd al-Warsani, a militant commander jailed for
  // life in 2019") stopped dating the claim, and a demand ("demanded the release of ...") became
  // a statement of its own (ferry, a test split, lost 0.005 of recall with the first)
  // → 0.81 / 0.90 when a road closed became a statement of its own ("the coast road remained closed")
  // → 0.82 / 0.93 (F1 0.87; as the app groups it 0.75 / 0.84) when a shared named kind of
  // statement (an attack claimed, a demand) weighed like a shared count
  // → 0.84 / 0.94 (F1 0.871 → 0.888; as the app groups it 0.795 → 0.791, precision 0.842 →
  // 0.829) when a change of control on one named day stopped meeting one on another ("Gunmen
  // seized the hotel on Tuesday evening", "special forces stormed the hotel at dawn on
  // Wednesday"); coup, a test split, rose as the app groups it 0.611 → 0.624
  // (as the app groups it 0.791 → 0.802 when an airport closed became a statement of its own)
  siege: { coverage: 0.98, recall: 0.84, precision: 0.94, rightKind: 12, app: { recall: 0.76, precision: 0.83 } },
  // offensive (an armed offensive, written apart from the code like facts-dev) scored 0.72 / 0.64
  // when added; → 0.74 / 0.69 when a count since an older start ("since the offensive began nine
  // days ago", "since March 2") became a running total apart from the day's toll, and names
  // stopped making two quotations alike (ferry precision 0.78 → 0.79, distractors 5 → 4);
  // → 0.80 / 0.70 when a name run together met it written apart ("Talharun" = "Tal Harun"), and
  // → 0.79 / 0.71 when "since then" took its start from the sentence before; → 0.81 / 0.70 (F1
  // held at 0.75) when "has fought since 2009" stopped dating the claim, a year in a report's
  // prose stopped being its dateline's, and an event of "last month" became another event (coup
  // test distractors pulled 4 → 2)
  // (names alone never link: when two claims share no word and no main statement, their names
  // leave the soft word overlap) precision 0.70 → 0.71; → 0.81 / 0.73 (F1 0.75 → 0.77, as the app
  // groups it 0.79 / 0.71 → 0.83 / 0.74, distractors pulled 3 → 2) when a running total from an
  // earlier year stopped meeting one from days ago and a bombing's toll stopped meeting the
  // fighting's (no same-fact pair vetoed on any set); precision 0.727 → 0.723 (F1 0.765 → 0.764)
  // when the start of a series of events became a statement of its own: the fact of the
  // offensive's start now forms, and takes in two sentences that name the offensive in passing
  // → 0.80 / 0.77 (F1 0.76 → 0.79; as the app groups it 0.84 / 0.74 → 0.85 / 0.77) when where a
  // place lies ("Tal Harun lies about 60 km south of Sowan") stopped meeting what happened near it
  // (the road from Sowan cut, the town's power cut); no other set moved
  // → 0.82 / 0.78 (F1 0.80) when a power cut and a road cut became statements of their own, each
  // of what was lost ("electricity was cut", "plunged into darkness"; "the highway ... has been
  // cut"), and two outages of two things stopped meeting
  // → 0.83 / 0.79 (F1 0.80 → 0.81) when control as a noun of its own ("analysts said control of
  // it gives the rebels leverage") stopped being a change of control (coup, a test split, 0.699 →
  // 0.707 with it)
  // (as the app groups it 0.811 → 0.801, when a place inside an apposition before a passive verb
  // stopped being what gave way: "The Wadi Sirr bridge, the town's only road crossing over the
  // Ferran, was blown up" is the bridge's; the bridge's fact now forms as the app groups it, and
  // takes in the advice to keep off the bridge)
  offensive: { coverage: 0.99, recall: 0.83, precision: 0.79, rightKind: 12, app: { recall: 0.83, precision: 0.76 } },
  // protest (street protests and a crackdown, written apart from the code) scored 0.58 / 0.77
  // when added; → 0.59 / 0.75 when a rise by a share and taking to the streets were read, a
  // sentence opening with he or she took its person from the sentence before, and a surname kept
  // its particles ("Ben Tamri" = "Bentamri")
  // → 0.62 / 0.74 with those, "protest" and "demonstration" as one word, and "the third of March"
  // (right-kind conflicts 9 → 10 when "are marching toward" became a pending status against "reached")
  // → 0.66 / 0.74 when "40pc" became a share, and a share or a duration since an older day ("the
  // 40 percent increase, in force since March 1") stopped reading as a running total
  // → 0.65 / 0.78 (F1 0.70 → 0.71), right kind 10 → 11, when a count "since the protests began"
  // (a series of days, like a war or an uprising) became a running total
  // → 0.65 / 0.77 (F1 0.71 → 0.70) with the measure put off (on facts-dev): the suspension is now
  // one fact, and the labels set "frozen for three months" apart from "the suspension was announced"
  // → 0.68 / 0.82 (F1 0.74) when what befell one named person ("He was detained at his home")
  // stopped joining a count of people it befell ("640 people have been arrested"), and a name with
  // a lower-case particle and an age ("Yousef ben Tamri, 54,") became one person
  // → 0.69 (F1 0.75) when what an organisation is for ("Observatory for Human Rights") stopped
  // reading as a person or a place of its own
  // → 0.73 / 0.85 (F1 0.75 → 0.79) when a clause stating two kinds of things became a reading of
  // each alone: a curfew "from 8 p.m. to 6 a.m." meets one given as "from 20:00 to 06:00 local time"
  // → 0.76 / 0.85 when a translation's "40 in hundred" became a share (the rise in fuel prices)
  // → 0.77 / 0.84 (F1 0.801 → 0.800: 251/328 pairs found, 316/377 right) with midnight and noon
  // as clock times: the march "around midday" meets the one "shortly after midday", and the group
  // then also takes "Tens of thousands demonstrated in Zarqaddin"; as the app groups it 0.72 /
  // 0.79 → 0.70 / 0.77 (F1 0.749 → 0.732), its groups formed report by report shifting with it
  // → 0.79 / 0.85 (F1 0.80 → 0.82; as the app groups it 0.70 / 0.77 → 0.71 / 0.78) when the
  // start of a series of events ("the protests began on March 3", "demonstrations broke out")
  // became a statement of its own, unless it only dates another count ("killed since the
  // protests began")
  // → 0.79 / 0.86 (F1 0.83; as the app groups it 0.71 / 0.78 → 0.74 / 0.80) when an arrest and a
  // release told without a count ("was arrested at his home at dawn", "has since been freed")
  // became statements of their own (coup, a test split, as the app groups it 0.623 → 0.617)
  // → 0.81 / 0.87 (F1 0.83 → 0.84; as the app groups it 0.74 / 0.80 → 0.77 / 0.79) when a shared
  // named kind of statement (a measure suspended, a demand, someone held or freed) weighed like a
  // shared count: "The suspension was announced by Prime Minister Salma Ouardi" meets "Prime
  // Minister Salma Ouardi says the 40% fuel price rise is suspended"
  // (0.81 / 0.87 → 0.80 / 0.86, F1 0.835 → 0.830; as the app groups it 0.781 → 0.799) when the
  // phone and internet networks cut, an airport closed and a curfew became statements of their
  // own: "The overnight curfew ... remained in force, and mobile internet services were still cut
  // nationwide" now stands in both facts, and the labels give it to the curfew alone
  // (as the app groups it 0.799 → 0.794 when a speaker named with what they are between commas
  // became the attribution: "..., Brigadier General Samir Othman, the civil defence chief, said")
  protest: { coverage: 0.98, recall: 0.8, precision: 0.86, rightKind: 11, app: { recall: 0.79, precision: 0.79 } },
  test: { coverage: 1.0, recall: 0.94, precision: 1.0, rightKind: 4, app: { recall: 0.92, precision: 0.96 } },
  // ferry recall 0.65 → 0.63 (F1 0.61 → 0.60) when flows and heights became quantities of their
  // own; kept for the conflicts they make comparable (right kind 6 → 7 here, 7 → 8 on flood)
  // ferry recall 0.67 → 0.69 (precision held) when a count describing the subject ("a ferry
  // carrying 210 passengers ran aground") became a side statement of its own rather than the
  // claim's main one (found on rail dev, which did not move; ferry was only scored)
  // ferry precision 0.79 → 0.78 (F1 0.735 → 0.730) when a gerund's plural met its verb in the
  // stemmer ("warnings"/"warned", "buildings"/"building"); flood dev recall rose 0.76 → 0.77 with it
  // → 0.80 with names run together meeting names written apart (offensive dev); back to 0.78 when
  // a duration stopped taking the measure of a verb near it (kept: it raised flood, siege and
  // facts-dev, and a duration is never what a verb near it counts)
  // (names alone never link: when two claims share no word and no main statement, their names
  // leave the soft word overlap) 0.69 / 0.79 → 0.70 / 0.80; recall 0.697 → 0.692 when a year
  // describing a participant stopped dating the claim (a rule fitted on siege; the test split
  // was not looked into)
  // (as the app groups it, precision 0.728 → 0.720 when a shared named kind of statement weighed
  // like a shared count, a rule found on protest and siege; not looked into)
  ferry: { coverage: 0.97, recall: 0.69, precision: 0.8, rightKind: 9, app: { recall: 0.69, precision: 0.72 } },
  // coup (a political crisis, written apart from the code and never tuned on) scored this when
  // added: the figure of a kind of event none of the dev sets was about
  // (0.53 / 0.75 → 0.54 / 0.74, F1 0.62 held, with the translation readings found on siege and protest)
  // → 0.55 / 0.75 when a building was keyed without the word for its kind ("the Al-Sawsan Palace
  // Hotel" = "the El Sawsan hotel") and special forces became a side (no dev set moved)
  // (recall → 0.54, F1 0.63 held, when "Ouardi" met "Wardi", which removed a false attribution
  // conflict between two spellings of one speaker on protest dev)
  // (0.54 / 0.75 → 0.55 / 0.74, F1 0.63 held, with the series of days above)
  // → 0.55 / 0.78 (F1 0.64) with "since January" and "this year" as running totals (found on siege)
  // → 0.56 / 0.80 (F1 0.66) with the measure put off
  // (distractors pulled 2 → 3 with the month rule found on siege, which also took ferry's 4 → 3)
  // (precision 0.80 → 0.79, F1 0.66 held, when a clause stating two kinds of things became a
  // reading of each alone, found on facts-dev and protest)
  // (names alone never link: when two claims share no word and no main statement, their names
  // leave the soft word overlap) recall 0.56 → 0.57; as the app groups it, recall 0.522 → 0.512
  // (F1 0.623 → 0.617) when an arrest and a release told without a count became statements of
  // their own (a rule fitted on protest; the test split was not looked into)
  // (recall 0.570 → 0.567, precision 0.792 → 0.789; as the app groups it 0.512 / 0.777 → 0.505 /
  // 0.773, when a shared named kind of statement weighed like a shared count, a rule found on
  // protest and siege; the test split was not looked into)
  // → 0.62 / 0.81 (F1 0.660 → 0.699; as the app groups it 0.624 → 0.668) when the phone and
  // internet networks cut, an airport closed and a curfew became statements of their own (rules
  // found on protest and siege; the test split was only scored)
  coup: { coverage: 0.94, recall: 0.61, precision: 0.81, rightKind: 8, app: { recall: 0.58, precision: 0.77 } },
} as const;

function checkSet(name: keyof typeof RATCHETS, set: LoadedSet) {
  const e = evaluateSet(set);
  console.log(`${set.labels.name}: analysis ${formatMentionScore(e.analysis)}`);
  console.log(`${set.labels.name}: word-overlap baseline, best of Jaccard ${e.baseline.map((b) => b.threshold).join("/")}: (${e.baselineBest.threshold}) ${formatMentionScore(e.baselineBest.score)}`);
  if (process.env.SHOW_MISSES) console.log(e.analysis.lines.join("\n"));
  const floor = RATCHETS[name];
  // figures as printed (two decimals), so a ratchet reads like the scorer's summary
  const printed = (x: number) => Math.round(x * 100) / 100;
  expect(printed(e.analysis.coverage)).toBeGreaterThanOrEqual(floor.coverage);
  expect(printed(e.analysis.recall)).toBeGreaterThanOrEqual(floor.recall);
  expect(printed(e.analysis.precision)).toBeGreaterThanOrEqual(floor.precision);
  expect(e.analysis.conflicts.rightKind).toBeGreaterThanOrEqual(floor.rightKind);
  expect(e.analysis.f1, "pairwise F1 against the word-overlap baseline's best").toBeGreaterThanOrEqual(e.baselineBest.score.f1);
  console.log(`${set.labels.name}: as the app groups it ${formatMentionScore(e.app)}`);
  expect(printed(e.app.recall), "recall as the app groups the set").toBeGreaterThanOrEqual(floor.app.recall);
  expect(printed(e.app.precision), "precision as the app groups the set").toBeGreaterThanOrEqual(floor.app.precision);
  expect(e.app.f1, "the app's pairwise F1 against the word-overlap baseline's best").toBeGreaterThanOrEqual(e.baselineBest.score.f1);
  return e;
}

// a whole set is analysed (and, for facts-dev, scored again by its own scorer): seconds, not milliseconds
const SET_TIMEOUT = 120_000;

describe("fact analysis on labeled report sets, beside the word-overlap baseline", () => {
  it("every labeled mention occurs exactly once in its report", () => {
    for (const labels of Object.values(OWN_SETS)) {
      const set = loadOwnSet(labels);
      const text = new Map(set.files.map((f) => [path.basename(f.file).slice(0, 3), f.text]));
      const all = [...Object.values(labels.facts), ...Object.values(labels.distractors)].flatMap(([, mentions]) => mentions);
      for (const [prefix, quote] of all) expect(text.get(prefix)!.split(quote).length - 1, `${labels.name} ${prefix}: ${quote}`).toBe(1);
      for (const [fact] of labels.conflicts) expect(labels.facts[fact], `${labels.name} conflict on ${fact}`).toBeDefined();
    }
  });

  const OWN: [keyof typeof OWN_SETS, string][] = [
    ["dev", "development set (rail derailment)"],
    ["flood", "development set (river flood)"],
    ["offensive", "development set (armed offensive)"],
    ["siege", "development set (hostage siege)"],
    ["protest", "development set (street protests)"],
    ["test", "test split (port explosion, never tuned on)"],
    ["ferry", "test split (ferry sinking, never tuned on)"],
    ["coup", "test split (attempted coup, never tuned on)"],
  ];
  for (const [name, title] of OWN) {
    it(`holds its figures on the own ${title}`, { timeout: SET_TIMEOUT }, () => {
      checkSet(name, loadOwnSet(OWN_SETS[name]));
    });
  }

  const factsDev = loadFactsDev();
  it.skipIf("missing" in factsDev)("holds its figures on the shared facts-dev set, and the scorer port agrees with its scorer", { timeout: SET_TIMEOUT }, () => {
    const set = factsDev as LoadedSet;
    const e = checkSet("facts-dev", set);
    // the python scorer is the reference: its summary line must match the port's
    const dir = mkdtempSync(path.join(tmpdir(), "facts-dev-"));
    try {
      const out = path.join(dir, "analysis.json");
      writeFileSync(out, JSON.stringify(e.output));
      const lines = execFileSync("python3", [path.join(FACTS_DEV_DIR, "score.py"), set.reportsDir, path.join(FACTS_DEV_DIR, "labels.py"), out], { encoding: "utf8" }).trim().split("\n");
      const s = e.analysis;
      expect(lines.at(-1)).toBe(`coverage ${s.coverage.toFixed(2)} recall ${s.recall.toFixed(2)} precision ${s.precision.toFixed(2)} conflicts ${s.conflicts.flagged}/${s.conflicts.labeled}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  if ("missing" in factsDev) console.log(`facts-dev set skipped: ${factsDev.missing}`);
});
