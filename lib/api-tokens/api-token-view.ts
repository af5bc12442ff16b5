/** How a token appears in the admin list; never its hash, and never the token itself. */
export type ApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdBy: { id: string; name: string };
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: { id: string; name: string } | null;
};

export const apiTokenSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { id: true, name: true } },
  revokedBy: { select: { id: true, name: true } },
} as const;
