-- Tags now collapse on the joined variant key ("Talharun" = "Tal Harun") and an apostrophe inside
-- a name is a letter of it ("Mazra'a" = "Mazraa"); claims' name keys also hold their words'
-- joined runs. The keys are computed by the application (lib/text/name-variants): clearing them
-- makes the next read or write of each story's tags re-key its spellings (and fold spellings
-- that now share a key into one tag), and the next search re-key its claims.
UPDATE "TagAlias" SET "variantKey" = NULL;
UPDATE "Claim" SET "nameKeys" = NULL;
