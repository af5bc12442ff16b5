/**
 * A small offline model of the schema.org types our public pages emit (NewsArticle, ClaimReview,
 * Claim, Rating, CreativeWork, Organization): each type's parent, the properties it may carry
 * (its own, then inherited) with their ranges, and the properties we promise to fill. Used to
 * check the JSON-LD in tests without the network. Pure.
 *
 * Ranges follow schema.org (https://schema.org/ClaimReview etc.); only the properties we use or
 * might reasonably use are listed, so an unknown one is a mistake to look at, not a new feature.
 */

type Range = "Text" | "URL" | "Number" | "DateTime" | SchemaType;
export type SchemaType = "Thing" | "CreativeWork" | "Article" | "NewsArticle" | "Review" | "ClaimReview" | "Claim" | "Intangible" | "Rating" | "Organization";

type TypeSpec = { parent: SchemaType | null; properties: Record<string, readonly Range[]>; required?: readonly string[] };

const TYPES: Record<SchemaType, TypeSpec> = {
  Thing: {
    parent: null,
    properties: { name: ["Text"], alternateName: ["Text"], description: ["Text"], url: ["URL"], sameAs: ["URL"], identifier: ["Text", "URL"], mainEntityOfPage: ["URL", "CreativeWork"] },
  },
  CreativeWork: {
    parent: "Thing",
    properties: {
      author: ["Organization"],
      publisher: ["Organization"],
      datePublished: ["DateTime"],
      dateModified: ["DateTime"],
      headline: ["Text"],
      inLanguage: ["Text"],
      isPartOf: ["CreativeWork", "URL"],
    },
  },
  Article: { parent: "CreativeWork", properties: { articleBody: ["Text"], articleSection: ["Text"], wordCount: ["Number"] } },
  NewsArticle: { parent: "Article", properties: { dateline: ["Text"] }, required: ["headline", "datePublished", "dateModified", "author", "publisher", "url"] },
  Review: { parent: "CreativeWork", properties: { itemReviewed: ["Thing"], reviewRating: ["Rating"], reviewBody: ["Text"] } },
  // Google's fact-check markup wants claimReviewed, reviewRating and url; we also promise the rest
  ClaimReview: { parent: "Review", properties: { claimReviewed: ["Text"] }, required: ["url", "claimReviewed", "reviewRating", "itemReviewed", "author", "datePublished"] },
  Claim: { parent: "CreativeWork", properties: { appearance: ["CreativeWork"], firstAppearance: ["CreativeWork"], claimInterpreter: ["Organization"] }, required: ["appearance", "author"] },
  Intangible: { parent: "Thing", properties: {} },
  Rating: {
    parent: "Intangible",
    properties: { ratingValue: ["Number", "Text"], bestRating: ["Number", "Text"], worstRating: ["Number", "Text"], ratingExplanation: ["Text"], author: ["Organization"] },
    required: ["ratingValue", "bestRating", "worstRating", "alternateName"],
  },
  Organization: { parent: "Thing", properties: { logo: ["URL"] }, required: ["name"] },
};

function isSubtype(type: SchemaType, of: SchemaType): boolean {
  for (let current: SchemaType | null = type; current; current = TYPES[current].parent) if (current === of) return true;
  return false;
}

function rangeOf(type: SchemaType, property: string): readonly Range[] | null {
  for (let current: SchemaType | null = type; current; current = TYPES[current].parent) {
    const range = TYPES[current].properties[property];
    if (range) return range;
  }
  return null;
}

function requiredOf(type: SchemaType): string[] {
  const required: string[] = [];
  for (let current: SchemaType | null = type; current; current = TYPES[current].parent) required.push(...(TYPES[current].required ?? []));
  return required;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

function isSchemaType(value: unknown): value is SchemaType {
  return typeof value === "string" && Object.hasOwn(TYPES, value);
}

function matchesLiteral(range: Range, value: unknown): boolean {
  switch (range) {
    case "Text":
      return typeof value === "string" && value.trim() !== "";
    case "URL":
      return typeof value === "string" && /^https?:\/\/[^\s]+$/.test(value);
    case "Number":
      return typeof value === "number" && Number.isFinite(value);
    case "DateTime":
      return typeof value === "string" && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
    default:
      return false;
  }
}

/**
 * Every way `node` departs from the model: unknown types or properties, values outside a
 * property's range, missing properties we promise. Empty when it conforms. Paths name the spot
 * ("ClaimReview.itemReviewed.appearance[0].author").
 */
export function schemaOrgProblems(node: unknown, path = "$"): string[] {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return [`${path}: expected an object`];
  const record = node as Record<string, unknown>;
  const type = record["@type"];
  if (!isSchemaType(type)) return [`${path}: unknown @type ${JSON.stringify(type)}`];
  const problems: string[] = [];
  const here = path === "$" ? type : path;
  for (const [property, value] of Object.entries(record)) {
    if (property === "@type" || property === "@id") continue;
    if (property === "@context") {
      if (value !== "https://schema.org") problems.push(`${here}: @context must be https://schema.org`);
      continue;
    }
    const range = rangeOf(type, property);
    if (!range) {
      problems.push(`${here}.${property}: not a property of ${type}`);
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0) problems.push(`${here}.${property}: empty`);
    values.forEach((item, index) => {
      const at = `${here}.${property}${Array.isArray(value) ? `[${index}]` : ""}`;
      if (typeof item === "object" && item !== null) {
        const itemType = (item as Record<string, unknown>)["@type"];
        if (!range.some((allowed) => isSchemaType(allowed) && isSchemaType(itemType) && isSubtype(itemType, allowed))) {
          problems.push(`${at}: ${JSON.stringify(itemType)} is not one of ${range.join(", ")}`);
          return;
        }
        problems.push(...schemaOrgProblems(item, at));
      } else if (!range.some((allowed) => matchesLiteral(allowed, item))) {
        problems.push(`${at}: ${JSON.stringify(item)} is not ${range.join(" or ")}`);
      }
    });
  }
  for (const property of requiredOf(type)) if (!(property in record)) problems.push(`${here}: missing ${property}`);
  return problems;
}
