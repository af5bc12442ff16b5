import { describe, expect, it } from "vitest";
import { factAbout, topicLabel } from "./about";
import { extractClaimFeatures, statementReadings } from "./features";
import type { FeaturedClaim } from "./types";

let next = 0;
function claim(text: string): FeaturedClaim {
  const reportId = `r${++next}`;
  const input = { id: `c${next}`, reportId, start: 0, end: text.length, text };
  return { ...input, source: `Outlet ${next}`, features: extractClaimFeatures(input, { id: reportId, source: `Outlet ${next}`, text, publishedAt: "2026-04-21T12:00:00Z" }) };
}

// invented places and events
describe("what a fact is about", () => {
  it("names a count, its group, a clock hour and a change of control in words", () => {
    expect(topicLabel("qty:killed")).toBe("Death toll");
    expect(topicLabel("qty:killed|civilian")).toBe("Death toll: civilians");
    expect(topicLabel("qty:wounded:part")).toBe("Injured, in part");
    expect(topicLabel("qty:n:tent")).toBe("Number of tents");
    expect(topicLabel("qty:percent:change")).toBe("Change in percent");
    expect(topicLabel("at:04")).toBe("Time: around 04:00");
    expect(topicLabel("ctl:place:vrd", new Map([["place:vrd", "Vardo"]]))).toBe("Control of Vardo");
    expect(topicLabel("ctl:n:dam")).toBe("Control of the dam");
    expect(topicLabel("ctl:?")).toBe("Control");
    expect(topicLabel("ev:claimed")).toBe("Claim of responsibility");
    // outages by what was lost, and a curfew
    expect(topicLabel("out:power")).toBe("Power cut");
    expect(topicLabel("out:network")).toBe("Phone and internet cut");
    expect(factAbout([claim("Electricity was cut across the town."), claim("Vardo was plunged into darkness within the hour.")])).toBe("Power cut");
    expect(factAbout([claim("A night curfew was imposed on the capital."), claim("The curfew from 8 p.m. remained in force.")])).toBe("Curfew");
    // a topic the desk has no words for gives no caption
    expect(topicLabel("xyz:1")).toBe("");
  });

  it("captions a fact by the statement most of its members make, so two facts one lead headlines differ", () => {
    const toll = [claim("The quake killed at least 23 people, the ministry said."), claim("Twenty-three people died in the quake."), claim("A strong quake struck Vardo at 4:17 a.m., killing 23 people.")];
    expect(factAbout(toll)).toMatch(/^Death toll/u);
    // the fact of the hour holds each sentence's reading of it (see statementReadings)
    const hour = (c: FeaturedClaim) => ({ ...c, features: statementReadings(c.features).find((r) => r.mainTopics.includes("at:04"))! });
    const time = [hour(claim("The quake struck at 4:17 a.m. local time.")), hour(claim("The tremor hit shortly after 4 a.m."))];
    expect(factAbout(time)).toBe("Time: around 04:00");
    // the event itself, by the word for it most of its sentences use
    expect(factAbout([claim("The quake struck at 4:17 a.m. local time."), claim("A strong earthquake has hit the Vardo valley."), claim("A strong quake has hit the valley.")])).toBe("The earthquake");
    expect(topicLabel("ev:struck")).toBe("What struck");
    const taken = [claim("Rebels seized the town of Vardo on Tuesday."), claim("Vardo fell to the rebels on Tuesday afternoon.")];
    expect(factAbout(taken)).toBe("Control of Vardo");
    // a name as most members spell it, whichever spelling came first
    const spelled = [claim("The rebels took control of Dair Marun on Tuesday."), claim("Rebels seized Deir al-Marun on Tuesday."), claim("Deir al-Marun fell to the rebels.")];
    expect(factAbout(spelled)).toBe("Control of Deir al-Marun");
    expect(factAbout([claim("Residents described a night of fear.")])).toBe("");
  });
});
