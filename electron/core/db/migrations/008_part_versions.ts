/**
 * The version at which each part of a story last changed (headline stack, body side, planning
 * fields), so that two saves from the same base merge when they touched different parts (the desk
 * fixing a headline while the reporter writes) and conflict when they touched the same one.
 * Existing stories get 0, "not known": a stale save to them conflicts, as before, until the part is
 * next saved. No UPDATE here: rewriting every row of an archive would rewrite every body with it.
 */
export const sql = `
ALTER TABLE articles ADD COLUMN headline_changed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN body_changed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN plan_changed INTEGER NOT NULL DEFAULT 0;
`;
