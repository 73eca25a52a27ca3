-- A recount claims its segment with a lease instead of holding the segment's row lock while it counts: a slow
-- count then neither blocks a PUT of that segment nor, counted in the background, the other segments' recounts.
-- No grant: segments is not readable by the raw-SQL sandbox (V18).
alter table segments add column count_claimed_until timestamptz;
