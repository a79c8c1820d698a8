-- The day a teacher left post (retired, resigned, moved out of the system). The row stays:
-- the teacher's hours and history are kept (R-40), only registration stops (R-01).
ALTER TABLE teacher ADD COLUMN left_post_on DATE NULL;
