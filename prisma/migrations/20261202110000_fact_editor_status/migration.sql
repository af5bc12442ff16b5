-- A fact's status is derived from all its claims; an editor may set it explicitly, and that
-- choice wins until cleared (NULL = derived).
ALTER TABLE "Fact" ADD COLUMN "editorStatus" "ClaimStatus";
