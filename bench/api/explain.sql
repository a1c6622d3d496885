-- EXPLAIN (ANALYZE, BUFFERS) of the statements behind the benchmarked endpoints, written as the server
-- sends them (Hibernate's SQL with the values bound). psql -v heavy="'<user id>'" -f explain.sql
\pset pager off
\echo '== task list, default sort (page 1): seek index, no count (the total is the counters row)'
EXPLAIN (ANALYZE, BUFFERS) SELECT task_id, filename, status, created_at FROM tool_ocr_tasks
WHERE user_id = :heavy ORDER BY created_at DESC, task_id DESC OFFSET 0 LIMIT 21;
\echo '== task list, status filter'
EXPLAIN (ANALYZE, BUFFERS) SELECT task_id, filename, status, created_at FROM tool_ocr_tasks
WHERE user_id = :heavy AND status = 'completed' ORDER BY created_at DESC, task_id DESC OFFSET 0 LIMIT 21;
\echo '== task list, the page after a cursor (here: after the 50,000th row)'
SELECT created_at AS c, task_id AS i FROM tool_ocr_tasks WHERE user_id = :heavy
ORDER BY created_at DESC, task_id DESC OFFSET 50000 LIMIT 1 \gset
EXPLAIN (ANALYZE, BUFFERS) SELECT task_id, filename, status, created_at FROM tool_ocr_tasks
WHERE user_id = :heavy AND created_at <= :'c' AND (created_at < :'c' OR (created_at = :'c' AND task_id < :'i'))
ORDER BY created_at DESC, task_id DESC LIMIT 21;
\echo '== the same page by offset, for comparison'
EXPLAIN (ANALYZE, BUFFERS) SELECT task_id, filename, status, created_at FROM tool_ocr_tasks
WHERE user_id = :heavy ORDER BY created_at DESC, task_id DESC OFFSET 50000 LIMIT 21;
\echo '== file-name search: the page, and the capped count'
EXPLAIN (ANALYZE, BUFFERS) SELECT task_id, filename, status, created_at FROM tool_ocr_tasks
WHERE user_id = :heavy AND lower(filename) LIKE '%scan-99%' ESCAPE '\' ORDER BY created_at DESC, task_id DESC LIMIT 21;
EXPLAIN (ANALYZE, BUFFERS) SELECT task_id FROM tool_ocr_tasks
WHERE user_id = :heavy AND lower(filename) LIKE '%scan-99%' ESCAPE '\' LIMIT 1001;
\echo '== task stats'
EXPLAIN (ANALYZE, BUFFERS) SELECT status, tasks FROM tool_ocr_task_counters WHERE user_id = :heavy;
\echo '== admin stats: by status, processing-time buckets, storage, 30-day series, leaderboard'
EXPLAIN (ANALYZE, BUFFERS) SELECT status, sum(tasks), sum(pages), sum(processing_ms), sum(timed)
FROM tool_ocr_task_counters GROUP BY status;
EXPLAIN (ANALYZE, BUFFERS) SELECT upper_ms, sum(tasks) FROM tool_ocr_task_time_buckets GROUP BY upper_ms ORDER BY upper_ms;
EXPLAIN (ANALYZE, BUFFERS) SELECT coalesce(sum(stored_bytes), 0) FROM tool_ocr_task_storage;
EXPLAIN (ANALYZE, BUFFERS) SELECT created_on, sum(tasks) FROM tool_ocr_task_days
WHERE created_on >= current_date - 29 GROUP BY created_on;
EXPLAIN (ANALYZE, BUFFERS) SELECT user_id, sum(tasks) AS v FROM tool_ocr_task_days WHERE created_on >= current_date - 7
GROUP BY user_id HAVING sum(tasks) > 0 ORDER BY v DESC, user_id LIMIT 10;
\echo '== before (issue 16): the count(*) per page and the GROUP BY the old stats ran'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM tool_ocr_tasks WHERE user_id = :heavy AND status = 'completed';
EXPLAIN (ANALYZE, BUFFERS) SELECT status, count(*) FROM tool_ocr_tasks WHERE user_id = :heavy GROUP BY status;
