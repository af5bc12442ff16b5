-- Sessions signed in before this moment are no longer accepted (set when a password changes),
-- so a reset after a suspected compromise also ends the attacker's session.
ALTER TABLE "User" ADD COLUMN "sessionsValidAfter" TIMESTAMPTZ(3);
