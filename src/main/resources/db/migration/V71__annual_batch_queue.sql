-- A batch's pending items are the queue that every node's worker takes from (docs/adr/0008):
-- what a worker needs to start an item is on the item, and pending items are found by outcome.
ALTER TABLE annual_batch_item ADD COLUMN promotion_candidate BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_annual_batch_item_outcome ON annual_batch_item (outcome, batch_id);
