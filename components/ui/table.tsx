import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  // `relative`: visually hidden (absolutely positioned) labels inside a wide table are clipped by
  // this scroll box; without it they sit at their place in the table and widen the whole page.
  // On a narrow screen the box scrolls sideways, so it is a named, focusable region: a keyboard
  // user can reach it and scroll it with the arrow keys
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-line bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
    >
      <table className="w-full border-collapse text-sm [&_tbody_tr:last-child_td]:border-b-0">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn("border-b border-line bg-slate-50 px-3 py-2 text-left text-xs font-semibold tracking-wide text-muted uppercase", className)}
      {...rest}
    />
  );
}

export function Td({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-line px-3 py-2.5 align-top", className)} {...rest} />;
}
