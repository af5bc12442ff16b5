import { describe, expect, it } from "vitest";
import { REPORT_TEXT_MAX, REPORT_TOO_LONG, ZCorrectReportMetadata, ZImportOverride, ZNormalizedReport } from "./schemas";

const base = {
  storyId: "0190a000-0000-7000-8000-000000000001",
  reportId: "0190a000-0000-7000-8000-000000000002",
  version: "3",
  headline: "  Crossing falls to rebels ",
  source: "Meridian Press",
  byline: "",
  dateline: "TEL HAMRA",
  publishedAt: "2031-04-03T07:45",
  language: "pt-BR",
};

describe("a metadata correction as the form sends it", () => {
  it("trims text, turns empty optional fields into none and reads a zone-less time as UTC", () => {
    expect(ZCorrectReportMetadata.parse(base)).toEqual({
      ...base,
      version: 3,
      headline: "Crossing falls to rebels",
      byline: null,
      publishedAt: new Date("2031-04-03T07:45:00Z"),
    });
    expect(ZCorrectReportMetadata.parse({ ...base, publishedAt: "", language: "" })).toMatchObject({ publishedAt: null, language: null });
    expect(ZCorrectReportMetadata.parse({ ...base, publishedAt: "2031-04-03T07:45:00+02:00" }).publishedAt).toEqual(new Date("2031-04-03T05:45:00Z"));
  });

  it("names each field an editor got wrong", () => {
    const result = ZCorrectReportMetadata.safeParse({ ...base, headline: "", source: " ", publishedAt: "soon", language: "English" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path[0]);
    expect(fields.sort()).toEqual(["headline", "language", "publishedAt", "source"]);
  });
});

describe("an edit from the import preview", () => {
  it("keeps only the fields the editor changed", () => {
    expect(ZImportOverride.parse({ item: 0, headline: "Dam breached" })).toEqual({ item: 0, headline: "Dam breached" });
    expect(ZImportOverride.parse({ item: 2, byline: "", publishedAt: "2031-04-02" })).toEqual({ item: 2, byline: null, publishedAt: new Date("2031-04-02T00:00:00Z") });
  });

  it("refuses an empty headline or outlet, which a report cannot do without", () => {
    expect(ZImportOverride.safeParse({ item: 0, headline: "  " }).success).toBe(false);
    expect(ZImportOverride.safeParse({ item: 0, source: "" }).success).toBe(false);
  });
});

describe("a report as every ingest channel hands it over", () => {
  it("refuses a whole page's worth of markup with words an editor understands, not a validator's", () => {
    const report = { storyId: base.storyId, source: "Meridian Press", headline: "Crossing falls", paragraphs: ["Short."] };
    const result = ZNormalizedReport.safeParse({ ...report, html: `<p>${"x".repeat(REPORT_TEXT_MAX * 4)}</p>` });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([REPORT_TOO_LONG]);
    expect(ZNormalizedReport.safeParse({ ...report, paragraphs: ["x".repeat(REPORT_TEXT_MAX + 1)] }).error?.issues[0]?.message).toBe(REPORT_TOO_LONG);
    expect(ZNormalizedReport.parse(report)).toMatchObject({ dek: null, paragraphKinds: [] });
  });
});
