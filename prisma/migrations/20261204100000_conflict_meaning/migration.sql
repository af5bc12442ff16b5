-- A conflict where one claim reverses what the others state: a negation or a reversed
-- predicate on the same arguments ("ruled out sabotage" vs "sabotage not excluded"), typically
-- a garbled translation saying the opposite of the other reports.
ALTER TYPE "ConflictKind" ADD VALUE 'MEANING';
