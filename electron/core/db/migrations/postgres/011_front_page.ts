/** PostgreSQL's step of 011: the same slot kinds (报眼, 导读) and page credits; PostgreSQL can replace a CHECK in place. */
export const sql = `
ALTER TABLE page_slots DROP CONSTRAINT page_slots_kind_check;
ALTER TABLE page_slots ADD CONSTRAINT page_slots_kind_check CHECK (kind IN ('article', 'photo', 'ad', 'masthead', 'reserved', 'ear', 'teaser'));
ALTER TABLE pages ADD COLUMN credits TEXT NOT NULL DEFAULT '{}';
`;
