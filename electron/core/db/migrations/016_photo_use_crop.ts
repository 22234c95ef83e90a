/** A story's use of a photo names the crop it runs in (one of the photo's named crops), or the whole picture when null. */
export const sql = `
ALTER TABLE article_photos ADD COLUMN crop TEXT;
`;
