-- Every service: the trace an event was raised in (W3C traceparent), so its publish and its
-- consumers join that trace although the outbox dispatcher publishes it later.
ALTER TABLE outbox_messages ADD COLUMN IF NOT EXISTS trace_parent text NULL;
