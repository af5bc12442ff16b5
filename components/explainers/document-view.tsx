import type { ReactNode } from "react";
import { CLAIM_STATUS_META } from "@/lib/claims/status-meta";
import { STATUS_STYLE } from "@/components/claims/status-style";
import { Badge } from "@/components/ui/badge";
import type { CitationTarget } from "@/lib/explainers/citation-targets";
import type { BlockNode, DocMark, ExplainerDoc, InlineNode, ListItemNode } from "@/lib/explainers/document";
import { citationKey } from "@/lib/explainers/writing-rules";
import { citationFormOf } from "@/lib/explainers/document-read";

function withMarks(text: ReactNode, marks: readonly DocMark[] | undefined, key: string): ReactNode {
  return (marks ?? []).reduce<ReactNode>((inner, mark, index) => {
    if (mark.type === "bold") return <strong key={`${key}-b${index}`}>{inner}</strong>;
    if (mark.type === "italic") return <em key={`${key}-i${index}`}>{inner}</em>;
    return (
      <a key={`${key}-a${index}`} href={mark.attrs.href} rel="noopener noreferrer nofollow" target="_blank" className="text-accent underline">
        {inner}
      </a>
    );
  }, text);
}

function Inline({ nodes, targets }: { nodes: readonly InlineNode[] | undefined; targets: ReadonlyMap<string, CitationTarget> }) {
  return (
    <>
      {(nodes ?? []).map((node, index) => {
        if (node.type === "text") return <span key={index}>{withMarks(node.text, node.marks, String(index))}</span>;
        if (node.type === "hardBreak") return <br key={index} />;
        const target = targets.get(citationKey(node.attrs));
        const status = target?.status ?? "UNVERIFIED";
        return (
          <span key={index} className="mx-0.5 inline-flex items-center gap-1 align-baseline" title={target?.statement}>
            {citationFormOf(node.attrs) === "DEBUNKED" ? <strong className="text-sm text-danger">Debunked:</strong> : null}
            {node.attrs.attributed ? <em className="text-sm">{node.attrs.attribution}</em> : null}
            <Badge tone={CLAIM_STATUS_META[status].tone}>
              <span aria-hidden>{STATUS_STYLE[status].marker}</span>
              {target ? CLAIM_STATUS_META[status].label : "Missing"} · {target?.sourceCount ?? 0} src
            </Badge>
          </span>
        );
      })}
    </>
  );
}

function Item({ item, targets }: { item: ListItemNode; targets: ReadonlyMap<string, CitationTarget> }) {
  return (
    <li>
      {item.content.map((child, index) =>
        child.type === "paragraph" ? (
          <p key={index}>
            <Inline nodes={child.content} targets={targets} />
          </p>
        ) : (
          <Block key={index} node={child} targets={targets} />
        ),
      )}
    </li>
  );
}

function Block({ node, targets }: { node: BlockNode; targets: ReadonlyMap<string, CitationTarget> }) {
  switch (node.type) {
    case "heading":
      return (
        <h3>
          <Inline nodes={node.content} targets={targets} />
        </h3>
      );
    case "paragraph":
      return (
        <p>
          <Inline nodes={node.content} targets={targets} />
        </p>
      );
    case "bulletList":
      return (
        <ul>
          {node.content.map((item, index) => (
            <Item key={index} item={item} targets={targets} />
          ))}
        </ul>
      );
    case "orderedList":
      return (
        <ol>
          {node.content.map((item, index) => (
            <Item key={index} item={item} targets={targets} />
          ))}
        </ol>
      );
  }
}

/** A revision's document, read-only, with citation badges: renders only the allowed node types. */
export function DocumentView({ doc, targets }: { doc: ExplainerDoc; targets: readonly CitationTarget[] }) {
  const map = new Map(targets.map((target) => [target.key, target]));
  return (
    <div className="explainer-prose">
      {doc.content.map((node, index) => (
        <Block key={index} node={node} targets={map} />
      ))}
    </div>
  );
}
