/**
 * The photo desk: what each file said about itself (metadata JSON stays in photos.metadata), the
 * date it was taken (for the library's date filter), the text the library search matches,
 * non-destructive rotation and named crops. Editors, section heads and chief editors get
 * photo.manage: they attach and caption photos on their stories.
 */
export const sql = `
ALTER TABLE photos ADD COLUMN date_created TEXT;
ALTER TABLE photos ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270));
ALTER TABLE photos ADD COLUMN crops TEXT NOT NULL DEFAULT '[]';
UPDATE photos SET search_text = lower(caption || char(10) || photographers);
CREATE INDEX photos_created ON photos(created_at);
CREATE INDEX photos_date_created ON photos(date_created);

UPDATE roles SET privileges = json_insert(privileges, '$[#]', 'photo.manage')
 WHERE code IN ('editor', 'section_head', 'chief_editor')
   AND NOT EXISTS (SELECT 1 FROM json_each(roles.privileges) WHERE value = 'photo.manage');
`;
