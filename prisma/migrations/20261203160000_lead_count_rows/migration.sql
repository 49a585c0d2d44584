-- Every stage × source count row exists from the start (at 0), so that a write can lock the rows it will change
-- before anything else: the one-statement arrival of a lead (lib/leads/arrival.ts) locks its count rows first, as the
-- batch path's lead insert does, and the two never wait on each other in opposite orders (a deadlock).
INSERT INTO "LeadCount" (stage, source, leads)
SELECT stage, source, 0 FROM unnest(enum_range(NULL::"Stage")) AS stage, unnest(enum_range(NULL::"LeadSource")) AS source
ON CONFLICT (stage, source) DO NOTHING;
