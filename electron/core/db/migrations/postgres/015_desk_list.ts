/** PostgreSQL's step of migration 015 (see ../015_desk_list.ts). */
export const sql = `
INSERT INTO settings (key, value, updated_at)
SELECT 'paper.desks', COALESCE(json_agg(desk ORDER BY desk)::text, '[]'), to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM (SELECT DISTINCT desk FROM articles WHERE desk <> '') AS desks
ON CONFLICT (key) DO NOTHING;
`;
