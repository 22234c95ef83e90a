/** PostgreSQL's step of migration 015 (see ../015_photo_use_crop.ts). */
export const sql = `
ALTER TABLE article_photos ADD COLUMN crop TEXT;
`;
