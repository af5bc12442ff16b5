-- Tags now collapse on the joined variant key ("Talharun" = "Tal Harun"), and an apostrophe
-- inside a name is a letter of it ("Mazra'a" = "Mazraa"). For a spelling with no apostrophe the
-- new key is the old one with its spaces removed, so it is rewritten here and no tag changes:
-- tags an editor kept apart stay apart, and spellings that now share a key meet only in new
-- tagging (an editor merges the old ones). A spelling with an apostrophe or an initial "Ou" needs the application's
-- normaliser (lib/text/name-variants): its key is cleared and computed the next time the story's
-- tags are read or written; a tag an editor split off is never folded back (see
-- keyStoryTagAliases).
UPDATE "TagAlias" SET "variantKey" = replace("variantKey", ' ', '')
 WHERE "variantKey" LIKE '% %' AND value !~ '[[:alpha:]][''’ʼʻ`´][[:alpha:]]' AND value !~* '(^|[^[:alpha:]])ou[aei]';
-- (and a French-style "Ou" before a vowel at the start of a word is now a w: "Ouardi" = "Wardi")
UPDATE "TagAlias" SET "variantKey" = NULL
 WHERE value ~ '[[:alpha:]][''’ʼʻ`´][[:alpha:]]' OR value ~* '(^|[^[:alpha:]])ou[aei]';
-- Claims' name keys now also hold the joined runs of their names' words: cleared, and filled in
-- story by story at the next search (keyStoryClaimNames), as for a claim whose words changed.
UPDATE "Claim" SET "nameKeys" = NULL WHERE "nameKeys" IS NOT NULL;
