/**
 * The version at which each part of a story last changed (headline stack, body side, planning
 * fields), so that two saves from the same base merge when they touched different parts (the desk
 * fixing a headline while the reporter writes) and conflict when they touched the same one.
 * Existing stories start from their current version: a stale save to them conflicts, as before.
 */
export const sql = `
ALTER TABLE articles ADD COLUMN headline_changed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN body_changed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN plan_changed INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET headline_changed = version, body_changed = version, plan_changed = version;
`;
