/** PostgreSQL's step of migration 016 (see ../016_photo_use_crop.ts). */
export const sql = `
ALTER TABLE article_photos ADD COLUMN crop TEXT;
`;
