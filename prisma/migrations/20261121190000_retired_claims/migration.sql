-- An editor may retire a claim that lost its place in a report (an orphan) instead of
-- re-attaching it: it stays on the desk with its history, but no longer counts as placed.
ALTER TYPE "AnchorState" ADD VALUE 'RETIRED';
