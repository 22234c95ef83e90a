/**
 * A story's desk (部门) now comes from the administrator's list (setting paper.desks). A paper
 * that had none gets the desks its stories already carry, so nothing it uses is refused after the
 * upgrade; the administrator then merges 经济 into 经济部 and the like. A list already kept stays.
 */
export const sql = `
INSERT OR IGNORE INTO settings (key, value, updated_at)
SELECT 'paper.desks', json_group_array(desk), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM (SELECT DISTINCT desk FROM articles WHERE desk <> '' ORDER BY desk);
`;
