-- A refresh that lost a race with another refresh of the same session may ask again with its
-- (now previous) token until this time without being taken for a replay.
ALTER TABLE ${prefix}sessions ADD COLUMN refresh_conflict_until ${timestamp};
