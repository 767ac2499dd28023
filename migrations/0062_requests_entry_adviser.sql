-- 村(居)法律顾问 assignments and activities name the adviser of the legality domain's registry
-- (legality_adviser, read through src/domains/legality/api.ts findAdvisers) instead of keeping a
-- second list; no foreign key across domains (a region-sharded deployment keeps them apart).
alter table requests_entry add column adviser_id uuid;
create index requests_entry_adviser_idx on requests_entry (adviser_id) where adviser_id is not null;
