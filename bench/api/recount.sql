-- The counters recomputed from the task rows: the statements V5__task_counters runs for existing rows
-- (db/migration/V5__task_counters.java, population()), for the default prefix tool_ocr_. Run on empty
-- counter tables, e.g. after a bulk load that bypassed the triggers.
INSERT INTO tool_ocr_task_counters (user_id, status, tasks, pages, processing_ms, timed)
SELECT user_id, status, count(*),
       coalesce(sum(CASE WHEN status = 'completed' THEN coalesce(pages_total, 0) ELSE 0 END), 0),
       coalesce(sum(CASE WHEN status = 'completed' THEN coalesce(processing_time_ms, 0) ELSE 0 END), 0),
       coalesce(sum(CASE WHEN status = 'completed' AND processing_time_ms IS NOT NULL THEN 1 ELSE 0 END), 0)
FROM tool_ocr_tasks GROUP BY user_id, status;
INSERT INTO tool_ocr_task_days (user_id, created_on, tasks, completed_pages)
SELECT user_id, CAST(created_at AS DATE), count(*),
       coalesce(sum(CASE WHEN status = 'completed' THEN coalesce(pages_total, 0) ELSE 0 END), 0)
FROM tool_ocr_tasks GROUP BY user_id, CAST(created_at AS DATE);
INSERT INTO tool_ocr_task_time_buckets (user_id, upper_ms, tasks)
SELECT user_id, b, count(*) FROM (SELECT user_id, CASE WHEN processing_time_ms <= 250 THEN 250 WHEN processing_time_ms <= 500 THEN 500 WHEN processing_time_ms <= 1000 THEN 1000 WHEN processing_time_ms <= 2000 THEN 2000 WHEN processing_time_ms <= 3000 THEN 3000 WHEN processing_time_ms <= 5000 THEN 5000 WHEN processing_time_ms <= 7500 THEN 7500 WHEN processing_time_ms <= 10000 THEN 10000 WHEN processing_time_ms <= 15000 THEN 15000 WHEN processing_time_ms <= 20000 THEN 20000 WHEN processing_time_ms <= 30000 THEN 30000 WHEN processing_time_ms <= 60000 THEN 60000 WHEN processing_time_ms <= 120000 THEN 120000 WHEN processing_time_ms <= 300000 THEN 300000 WHEN processing_time_ms <= 900000 THEN 900000 ELSE 9223372036854775807 END AS b
  FROM tool_ocr_tasks WHERE status = 'completed' AND processing_time_ms IS NOT NULL) x GROUP BY user_id, b;
INSERT INTO tool_ocr_task_storage (user_id, stored_bytes)
SELECT t.user_id, sum(coalesce(t.result_bytes, 0) + coalesce(f.bytes, 0)) FROM tool_ocr_tasks t
LEFT JOIN (SELECT task_id, sum(file_size) AS bytes FROM tool_ocr_task_files GROUP BY task_id) f ON f.task_id = t.task_id
WHERE t.file_deleted = false GROUP BY t.user_id;
