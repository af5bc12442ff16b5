import { XMLParser, XMLValidator } from "fast-xml-parser";
import { reject } from "./parse-failure";
import { escapeHtml } from "@/lib/text/escape-html";

/** An XML element with its namespace resolved, attributes entity-decoded and children in order. */
export type XmlElement = {
  kind: "element";
  /** name as written, with its prefix ("nar:newsItem") */
  name: string;
  /** name without prefix ("newsItem") */
  local: string;
  /** namespace URI in scope for the element, or null */
  namespace: string | null;
  /** attributes by name as written ("guid", "xml:lang") */
  attributes: Record<string, string>;
  children: XmlNode[];
};
export type XmlText = { kind: "text"; text: string };
export type XmlNode = XmlElement | XmlText;

// Deeper than any real news document; bounds recursion so nesting bombs fail with a message.
const MAX_DEPTH = 200;
const TOO_DEEP = `XML elements are nested too deeply (more than ${MAX_DEPTH} levels)`;

// processEntities: false — DOCTYPE entities are never expanded (no billion laughs, no XXE);
// the five XML entities and character references are decoded by decodeXmlEntities instead.
// preserveOrder keeps mixed content (XHTML bodies) in document order; trimValues: false keeps
// the spaces between inline elements; no value is coerced to a number ("0012" stays a string).
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: "#cdata",
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
});

/**
 * Parses untrusted XML into an element tree. Rejects, with a line number where there is one:
 * malformed or truncated documents, documents whose DOCTYPE declares entities, and nesting
 * deeper than MAX_DEPTH. Nothing outside the string is ever read.
 */
export function parseXmlDocument(text: string): XmlElement {
  rejectEntityDeclarations(text);
  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (validation !== true) reject(describeXmlError(text, validation.err));

  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : "unreadable";
    if (error instanceof RangeError || /nested/i.test(message)) reject(TOO_DEEP);
    reject(`malformed XML (${message})`);
  }
  const root = toNodes(parsed, new Map(), 0).find((node): node is XmlElement => node.kind === "element");
  if (!root) reject("the XML document has no root element");
  return root;
}

function rejectEntityDeclarations(text: string): void {
  const doctype = /<!DOCTYPE/i.exec(text);
  if (!doctype) return;
  if (/<!ENTITY/i.test(text)) {
    reject(
      `line ${lineAt(text, doctype.index)}: the DOCTYPE declares entities; entity declarations are refused because they can expand without limit or read local files`,
    );
  }
}

type ValidationError = { code: string; msg: string; line: number; col?: number };

/** Turns fast-xml-parser's validation error into "line 12: unexpected end of XML (...)". */
function describeXmlError(text: string, error: ValidationError): string {
  const lastLine = lineAt(text, text.trimEnd().length);
  // The validator reports a document that stops early in several ways: a list of open tags
  // ("Invalid '[ "feed", "entry" ]' found."), "Unclosed tag", or a complaint about the last,
  // cut-off tag. All mean the same to an editor: the file is truncated.
  const openTags = /^Invalid '\[(.*)\]' found\.$/s.exec(error.msg);
  if (openTags?.[1] !== undefined) {
    const names = openTags[1].split(",").map((name) => name.trim().replace(/^"|"$/g, ""));
    const innermost = names[names.length - 1];
    return `line ${lastLine}: unexpected end of XML${innermost ? ` (<${innermost}> is never closed)` : ""}`;
  }
  const unclosed = /^Unclosed tag '([^']*)'/.exec(error.msg);
  const offset = offsetOf(text, error.line, error.col ?? 1);
  const restHasTagEnd = text.indexOf(">", offset) >= 0;
  if (unclosed || (!restHasTagEnd && error.code !== "InvalidXml")) {
    return `line ${lastLine}: unexpected end of XML${unclosed?.[1] ? ` (<${unclosed[1]}> is never closed)` : ""}`;
  }
  if (error.msg === "Start tag expected.") return "no XML element found";
  const column = error.col ? `, column ${error.col}` : "";
  return `line ${error.line}${column}: malformed XML: ${error.msg.replace(/\.$/, "")}`;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf("\n"); index >= 0 && index < offset; index = text.indexOf("\n", index + 1)) line += 1;
  return line;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf("\n", offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return offset + Math.max(0, column - 1);
}

type Scope = ReadonlyMap<string, string>;

function toNodes(raw: unknown, scope: Scope, depth: number): XmlNode[] {
  if (depth > MAX_DEPTH) reject(TOO_DEEP);
  if (!Array.isArray(raw)) return [];
  const nodes: XmlNode[] = [];
  for (const entry of raw as unknown[]) {
    if (!isRecord(entry)) continue;
    for (const [key, value] of Object.entries(entry)) {
      if (key === ":@") continue;
      if (key === "#text") {
        nodes.push({ kind: "text", text: decodeXmlEntities(String(value)) });
      } else if (key === "#cdata") {
        // CDATA is literal: its "&amp;" is four characters, not an entity
        const parts = Array.isArray(value) ? value : [];
        nodes.push({ kind: "text", text: parts.map((part) => (isRecord(part) ? String(part["#text"] ?? "") : "")).join("") });
      } else if (!key.startsWith("?") && !key.startsWith("!")) {
        nodes.push(toElement(key, value, entry[":@"], scope, depth));
      }
    }
  }
  return nodes;
}

function toElement(name: string, rawChildren: unknown, rawAttributes: unknown, parentScope: Scope, depth: number): XmlElement {
  const attributes: Record<string, string> = {};
  let scope: Map<string, string> | null = null;
  if (isRecord(rawAttributes)) {
    for (const [attribute, value] of Object.entries(rawAttributes)) {
      const decoded = decodeXmlEntities(String(value));
      attributes[attribute] = decoded;
      if (attribute === "xmlns" || attribute.startsWith("xmlns:")) {
        scope ??= new Map(parentScope);
        scope.set(attribute === "xmlns" ? "" : attribute.slice(6), decoded);
      }
    }
  }
  const effectiveScope = scope ?? parentScope;
  const colon = name.indexOf(":");
  const prefix = colon >= 0 ? name.slice(0, colon) : "";
  return {
    kind: "element",
    name,
    local: colon >= 0 ? name.slice(colon + 1) : name,
    namespace: effectiveScope.get(prefix) || null,
    attributes,
    children: toNodes(rawChildren, effectiveScope, depth + 1),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Named entities XML itself defines, plus the HTML ones that sloppy feeds use without a DTD.
const NAMED_ENTITIES: Record<string, string> = {
  lt: "<", gt: ">", amp: "&", quot: '"', apos: "'",
  nbsp: "\u00a0", ndash: "–", mdash: "—", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", hellip: "…", copy: "©",
};

/** Decodes XML's predefined entities, common HTML ones and character references; others stay. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (match, reference: string) => {
    if (reference.startsWith("#")) {
      const codePoint = reference[1] === "x" || reference[1] === "X" ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
      const valid = codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
      return valid ? String.fromCodePoint(codePoint) : "\ufffd";
    }
    return NAMED_ENTITIES[reference] ?? NAMED_ENTITIES[reference.toLowerCase()] ?? match;
  });
}

/** Child elements with the given local name (any namespace unless one is given). */
export function childElements(parent: XmlElement | null | undefined, local: string, namespace?: string): XmlElement[] {
  if (!parent) return [];
  return parent.children.filter(
    (child): child is XmlElement => child.kind === "element" && child.local === local && (namespace === undefined || child.namespace === namespace),
  );
}

/** The first child element with the given local name, or null. */
export function childElement(parent: XmlElement | null | undefined, local: string, namespace?: string): XmlElement | null {
  return childElements(parent, local, namespace)[0] ?? null;
}

/** Descendant elements with the given local name, in document order, not descending into matches. */
export function findElements(parent: XmlElement, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (child.kind !== "element") continue;
      if (child.local === local) found.push(child);
      else visit(child);
    }
  };
  visit(parent);
  return found;
}

/** A copy of the element without the descendants whose local name is in `names`. */
export function withoutElements(element: XmlElement, names: ReadonlySet<string>): XmlElement {
  return {
    ...element,
    children: element.children.filter((child) => child.kind === "text" || !names.has(child.local)).map((child) => (child.kind === "text" ? child : withoutElements(child, names))),
  };
}

/** All text inside an element, markup ignored. */
export function textContent(element: XmlElement | null | undefined): string {
  if (!element) return "";
  return element.children.map((child) => (child.kind === "text" ? child.text : textContent(child))).join("");
}

/** An attribute by exact name, or else by local name ("lang" finds "xml:lang"). */
export function attributeValue(element: XmlElement | null | undefined, name: string): string | null {
  if (!element) return null;
  if (name in element.attributes) return element.attributes[name] ?? null;
  const key = Object.keys(element.attributes).find((attribute) => attribute.slice(attribute.indexOf(":") + 1) === name);
  return key ? (element.attributes[key] ?? null) : null;
}

/**
 * An element's content as an HTML string. Text-only content is returned as is: feeds carry
 * escaped or CDATA HTML as text. Element content (XHTML, NITF) is serialized with prefixes
 * dropped, ready for the sanitizer.
 */
export function innerMarkup(element: XmlElement): string {
  const hasElements = element.children.some((child) => child.kind === "element");
  if (!hasElements) return textContent(element);
  return element.children.map(serializeNode).join("");
}

function serializeNode(node: XmlNode): string {
  if (node.kind === "text") return escapeHtml(node.text);
  const attributes = Object.entries(node.attributes)
    .filter(([name]) => name !== "xmlns" && !name.includes(":"))
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join("");
  // "<br></br>" would read as two line breaks in HTML, so void elements get no end tag
  if (VOID_ELEMENTS.has(node.local)) return `<${node.local}${attributes}>`;
  return `<${node.local}${attributes}>${node.children.map(serializeNode).join("")}</${node.local}>`;
}

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

